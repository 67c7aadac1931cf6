import { type ReactNode, useEffect, useRef } from 'react'

/**
 * A modal dialog of the home page (native `<dialog>`: focus is trapped, the page behind is inert),
 * closed by Escape through `onCancel`.
 */
export function HomeDialog({
  labelledBy,
  testId,
  onCancel,
  children,
}: {
  labelledBy: string
  testId: string
  onCancel(): void
  children: ReactNode
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    return () => element?.close()
  }, [])
  return (
    <dialog
      ref={dialog}
      className="flowmap-home__dialog"
      aria-labelledby={labelledBy}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
    >
      {children}
    </dialog>
  )
}
