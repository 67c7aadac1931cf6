import { type ReactNode, useEffect, useRef } from 'react'

/**
 * A modal dialog of the home page (native `<dialog>`: focus is trapped, the page behind is inert) with
 * Cancel and one confirming button; Enter in a field confirms, Escape cancels.
 */
export function HomeDialog({
  labelledBy,
  testId,
  confirmLabel,
  danger = false,
  onConfirm,
  onCancel,
  children,
}: {
  labelledBy: string
  testId: string
  confirmLabel: string
  danger?: boolean
  onConfirm(): void
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
      <form
        onSubmit={(event) => {
          event.preventDefault()
          onConfirm()
        }}
      >
        {children}
        <div className="flowmap-home__dialog-actions">
          <button type="button" className="flowmap-button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="submit"
            className={`flowmap-button ${danger ? 'flowmap-button--danger' : 'flowmap-button--primary'}`}
            data-testid={`${testId}-confirm`}
          >
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  )
}
