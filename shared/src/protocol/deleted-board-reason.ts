/**
 * The sentence the server gives for a deleted board: the socket's refusal, the HTTP 410 and the close
 * of everyone's sockets all say it. The client reads it back to show its own page for a deleted board
 * (what happened, until when a facilitator can restore it, the home page) instead of treating it as a
 * bad link. One writer and one reader here, so the two ends cannot drift apart.
 */

export type DeletedBoardReason = {
  /** The board's title, or its id when it had none. */
  readonly name: string
  /** The last day it can be restored, YYYY-MM-DD (UTC). */
  readonly restorableUntil: string
}

export function deletedBoardReason({ name, restorableUntil }: DeletedBoardReason): string {
  return `board "${name}" was deleted; a facilitator can restore it from the home page until ${restorableUntil}`
}

const PATTERN =
  /^board "(.*)" was deleted; a facilitator can restore it from the home page until (\d{4}-\d{2}-\d{2})$/s

/** The deleted board a refusal's reason names, or null when the reason is about something else. */
export function readDeletedBoardReason(reason: string): DeletedBoardReason | null {
  const match = PATTERN.exec(reason)
  return match ? { name: match[1]!, restorableUntil: match[2]! } : null
}
