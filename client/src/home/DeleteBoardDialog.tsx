import { useId } from 'react'
import { HomeDialog } from './HomeDialog.tsx'

/**
 * The confirmation before a facilitator deletes a board on the server: it says what happens next,
 * with the server's own retention (its /config.json), not a figure the client assumes.
 */
export function DeleteBoardDialog({
  title,
  retentionDays,
  onConfirm,
  onCancel,
}: {
  title: string
  /** How long the server keeps a deleted board restorable; null when it did not say (older, or offline). */
  retentionDays: number | null
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
        a facilitator can restore it with all its content {restoreWindow(retentionDays)}. It also leaves this
        device.
      </p>
    </HomeDialog>
  )
}

/** How long a restore stays possible, as the dialog's sentence goes on: "for 30 days, then it is purged". */
export function restoreWindow(days: number | null): string {
  if (days === null) return 'until the server purges it'
  if (days < 1) return 'for less than a day, then it is purged'
  const whole = Math.round(days)
  return `for ${whole} ${whole === 1 ? 'day' : 'days'}, then it is purged`
}
