/**
 * Where the shown moment is among one person's edits, for the replay's position readout when it follows
 * only them: "Ada's edit 2 of 5" counts her edits alone, and the time is that of her edit, never of
 * someone else's that happens to be shown (scrubbing lands anywhere; next, previous and play stop on
 * hers only).
 */
import type { HistoryEntry } from '@flowmap/shared'

export type PersonPosition = {
  /** How many of their edits are at or before the shown moment (0: before their first). */
  index: number
  /** How many edits they made in the whole history. */
  total: number
  /** Their latest edit at or before the shown moment; null before their first. */
  entry: HistoryEntry | null
}

export function personPosition(
  entries: readonly HistoryEntry[],
  seq: number,
  userId: string,
): PersonPosition {
  let index = 0
  let total = 0
  let entry: HistoryEntry | null = null
  for (const candidate of entries) {
    if (candidate.userId !== userId) continue
    total++
    if (candidate.seq <= seq) {
      index++
      entry = candidate
    }
  }
  return { index, total, entry }
}
