import { useEffect, useRef } from 'react'

type DeleteBoardDialogProps = {
  title: string
  onConfirm(): void
  onCancel(): void
}

/**
 * The confirmation before a facilitator deletes a board on the server: a modal dialog (not
 * `window.confirm`, so it says what happens next and can be styled), cancelled by Escape or Cancel.
 */
export function DeleteBoardDialog({ title, onConfirm, onCancel }: DeleteBoardDialogProps) {
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
      aria-labelledby="flowmap-delete-title"
      data-testid="home-delete-dialog"
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
    >
      <h2 id="flowmap-delete-title">Delete “{title}” for everyone?</h2>
      <p>
        Everyone on it is disconnected and its links stop working. It moves to “Recently deleted” below, where
        a facilitator can restore it with all its content until it is purged (30 days, unless the server is
        set otherwise). It also leaves this device.
      </p>
      <div className="flowmap-home__dialog-actions">
        <button type="button" className="flowmap-button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="flowmap-button flowmap-button--danger"
          data-testid="home-delete-confirm"
          onClick={onConfirm}
        >
          Delete board
        </button>
      </div>
    </dialog>
  )
}
