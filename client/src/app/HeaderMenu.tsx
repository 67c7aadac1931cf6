import { type ReactNode, useId } from 'react'
import { usePopover } from './use-popover.ts'
import '../export/export.css'

/**
 * A header button with its popover menu (Import, Export): ARIA state follows the menu, and the menu
 * closes on Escape, a press outside, or when an item calls `close`. `beside` sits in the same root
 * (a problem line under the button, a hidden file input).
 */
export function HeaderMenu({
  label,
  testId,
  menuLabel,
  disabled,
  items,
  beside,
}: {
  label: string
  testId: string
  menuLabel: string
  disabled: boolean
  items(close: () => void): ReactNode
  beside?: ReactNode
}) {
  const { open, setOpen, root } = usePopover()
  const menuId = useId()
  return (
    <div className="flowmap-export" ref={root}>
      <button
        type="button"
        className="flowmap-button"
        data-testid={testId}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={disabled}
        onClick={() => setOpen((was) => !was)}
      >
        {label}
      </button>
      {open && (
        <div id={menuId} role="menu" className="flowmap-export__menu" aria-label={menuLabel}>
          {items(() => setOpen(false))}
        </div>
      )}
      {beside}
    </div>
  )
}
