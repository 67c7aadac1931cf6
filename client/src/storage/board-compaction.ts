/**
 * Compaction: y-dexie appends one row per Yjs update, so a board edited for an afternoon holds
 * thousands of rows and opens slowly. Past a threshold we let y-dexie's own `compressYDocs` merge
 * them into one snapshot per board (it also runs every 5 minutes by itself; this makes it happen
 * as soon as a board grows, not minutes later). No hand-written update table is needed.
 */
import { compressYDocs } from 'y-dexie'
import type * as Y from 'yjs'
import { type BoardDatabase, boardUpdatesTableName } from './board-database.ts'

/** Stored updates of one board above which it is compacted. */
export const DEFAULT_COMPACTION_THRESHOLD = 500

export async function countStoredUpdates(db: BoardDatabase, boardId: string): Promise<number> {
  return db.table(boardUpdatesTableName(db)).where('k').equals(boardId).count()
}

/** Compacts when the board holds more than `threshold` updates; answers whether it did. */
export async function compactBoardIfNeeded(
  db: BoardDatabase,
  boardId: string,
  threshold: number = DEFAULT_COMPACTION_THRESHOLD,
): Promise<boolean> {
  if ((await countStoredUpdates(db, boardId)) <= threshold) return false
  await compressYDocs(db)
  return true
}

/**
 * Watches a loaded board doc and compacts once every `threshold` updates; returns the stop function.
 * Counting in memory keeps IndexedDB out of the per-keystroke path.
 */
export function compactWhileEditing(
  db: BoardDatabase,
  boardId: string,
  doc: Y.Doc,
  options: { threshold?: number; onError(error: unknown): void },
): () => void {
  const threshold = options.threshold ?? DEFAULT_COMPACTION_THRESHOLD
  let updatesSinceCheck = 0
  let running = false
  const onUpdate = () => {
    updatesSinceCheck += 1
    if (updatesSinceCheck < threshold || running) return
    updatesSinceCheck = 0
    running = true
    compactBoardIfNeeded(db, boardId, threshold)
      .catch(options.onError)
      .finally(() => {
        running = false
      })
  }
  doc.on('updateV2', onUpdate)
  return () => doc.off('updateV2', onUpdate)
}
