/**
 * How a sticky note written during a private brainstorm is told apart in the store: its meta names the
 * session (`since`) it was written in. The store binding never writes such a record into the doc
 * (sync/store-records.ts isWrittenToBoard), so it stays on this device until revealed.
 */
export const PRIVATE_DRAFT_META_KEY = 'flowmapPrivateDraft'

export function privateDraftSession(record: { meta?: unknown }): number | null {
  const meta = record.meta
  if (typeof meta !== 'object' || meta === null) return null
  const session = (meta as Record<string, unknown>)[PRIVATE_DRAFT_META_KEY]
  return typeof session === 'number' ? session : null
}

export function isPrivateDraft(record: { meta?: unknown }): boolean {
  return privateDraftSession(record) !== null
}
