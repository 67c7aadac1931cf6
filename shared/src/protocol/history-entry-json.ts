/**
 * One history entry as the HTTP API sends it (GET /api/boards/:id/history): the stored entry with its
 * time as ISO 8601 and its update as base64. The nulls are the stored ones: no `userId`/`userName`/
 * `clientId` for a change the server made itself. `readHistoryPage` (history/history-page.ts) reads it
 * back into the replay form, `HistoryEntry`.
 */
export type HistoryEntryJson = {
  seq: number
  /** ISO 8601, when the server accepted the update */
  time: string
  userId: string | null
  userName: string | null
  clientId: number | null
  /** the Yjs update (V1), base64 */
  update: string
}
