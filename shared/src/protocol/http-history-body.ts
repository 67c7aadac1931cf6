/**
 * GET /api/boards/:id/history?after=SEQ&limit=N: one page of the board's log. The client reads it with
 * `readHistoryPage` (history/history-page.ts), which turns each entry into the replay form.
 */
import type { HistoryEntryJson } from './history-entry-json.ts'

export type HistoryPageBody = {
  boardId: string
  entries: HistoryEntryJson[]
  /** Whether entries after this page exist. */
  hasMore: boolean
  /** The `after` of the next page: the last entry's seq, null for an empty page. */
  nextAfter: number | null
  /** Every stored checkpoint of the board (ISO times). */
  checkpoints: { seq: number; time: string }[]
}
