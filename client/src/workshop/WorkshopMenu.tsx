import type { ReactNode } from 'react'
import { usePopover } from '../app/use-popover.ts'
import './workshop-menu.css'

/**
 * A facilitator's workshop tools (lock the board, limit the tools, private mode, a vote, save as
 * template) behind one header button, so that the header stays one line at every width: in local mode
 * everyone is a facilitator, and six more buttons made it wrap over the canvas and the Replay button.
 * For anyone else the children render in place (a participant sees the "Board locked" badge there).
 */
export function WorkshopMenu({ canFacilitate, children }: { canFacilitate: boolean; children: ReactNode }) {
  const { open, setOpen, root } = usePopover()
  if (!canFacilitate) return <>{children}</>
  return (
    <div className="flowmap-workshop-menu" ref={root}>
      <button
        type="button"
        className="flowmap-button"
        data-testid="workshop-menu"
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => setOpen((was) => !was)}
      >
        Workshop
      </button>
      {/* Kept mounted while closed: a vote or a private brainstorm keeps its state between openings. */}
      {/* A toggle (aria-pressed) or a finishing button (data-workshop-done) has done what the menu was
          opened for: the menu closes, as a desktop menu does after its item, and gives the canvas back. */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: it only listens for its buttons' clicks, which keys trigger too */}
      <div
        className="flowmap-workshop-menu__panel"
        hidden={!open}
        data-testid="workshop-panel"
        onClick={(event) => {
          const button = (event.target as HTMLElement).closest('button')
          if (button?.hasAttribute('aria-pressed') || button?.hasAttribute('data-workshop-done'))
            setOpen(false)
        }}
      >
        {children}
      </div>
    </div>
  )
}
