import { useId } from 'react'
import { HomeDialog } from './HomeDialog.tsx'

/** The confirmation before a facilitator deletes a board on the server: it says what happens next. */
export function DeleteBoardDialog({
  title,
  onConfirm,
  onCancel,
}: {
  title: string
  onConfirm(): void
  onCancel(): void
}) {
  const headingId = useId()
  return (
    <HomeDialog labelledBy={headingId} testId="home-delete-dialog" onCancel={onCancel}>
      <h2 id={headingId}>Delete “{title}” for everyone?</h2>
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
    </HomeDialog>
  )
}
