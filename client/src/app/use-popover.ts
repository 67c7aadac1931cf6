import { type RefObject, useEffect, useRef, useState } from 'react'

/**
 * A header popover's open state: it closes on Escape and on a pointer press outside `root`, as menus
 * do in every desktop app. Returns the ref to put on the element that holds the button and the popover.
 */
export function usePopover(): {
  open: boolean
  setOpen(open: boolean | ((open: boolean) => boolean)): void
  root: RefObject<HTMLDivElement | null>
} {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const close = (event: KeyboardEvent | PointerEvent) => {
      const outside =
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !root.current?.contains(event.target as Node)
      if (outside) setOpen(false)
    }
    window.addEventListener('keydown', close)
    window.addEventListener('pointerdown', close)
    return () => {
      window.removeEventListener('keydown', close)
      window.removeEventListener('pointerdown', close)
    }
  }, [open])
  return { open, setOpen, root }
}
