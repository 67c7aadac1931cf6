import { type ReactNode, useState } from 'react'
import { usePopover } from '../app/use-popover.ts'
import { moveInlineImages } from './move-inline-images.ts'
import './workshop-menu.css'

/**
 * A facilitator's workshop tools (lock the board, limit the tools, private mode, a vote, save as
 * template) behind one header button, so that the header stays one line at every width: in local mode
 * everyone is a facilitator, and six more buttons made it wrap over the canvas and the Replay button.
 * For anyone else the children render in place (a participant sees the "Board locked" badge there).
 * Its own last item moves the board's pasted (inline) images to the asset store.
 */
export function WorkshopMenu({
  canFacilitate,
  board,
  children,
}: {
  canFacilitate: boolean
  /** The board and the token its server calls need. */
  board: { boardId: string; token: string | null }
  children: ReactNode
}) {
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
        <MoveInlineImagesItem boardId={board.boardId} token={board.token} />
      </div>
    </div>
  )
}

/**
 * "Move pasted images to the asset store": boards made before the store hold images as data URLs in the
 * doc (downloaded by every reader, kept in every history entry). The menu stays open on its result.
 */
function MoveInlineImagesItem({ boardId, token }: { boardId: string; token: string | null }) {
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const move = async () => {
    setBusy(true)
    setResult(null)
    const moved = await moveInlineImages({ boardId, token })
    setBusy(false)
    setResult(moved.ok ? { ok: true, text: moved.sentence } : { ok: false, text: moved.message })
  }
  return (
    <>
      <button
        type="button"
        className="flowmap-button"
        data-testid="move-inline-images"
        disabled={busy}
        onClick={() => void move()}
      >
        {busy ? 'Moving images…' : 'Move pasted images to the asset store'}
      </button>
      {result && (
        <p
          className="flowmap-workshop-menu__note"
          role={result.ok ? 'status' : 'alert'}
          data-testid="move-inline-images-result"
        >
          {result.text}
        </p>
      )}
    </>
  )
}
