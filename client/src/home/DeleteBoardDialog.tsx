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
    <HomeDialog
      labelledBy={headingId}
      testId="home-delete-dialog"
      confirmLabel="Delete board"
      danger
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <h2 id={headingId}>Delete “{title}” for everyone?</h2>
      <p>
        Everyone on it is disconnected and its links stop working. It moves to “Recently deleted” below, where
        a facilitator can restore it with all its content until it is purged (30 days, unless the server is
        set otherwise). It also leaves this device.
      </p>
    </HomeDialog>
  )
}
