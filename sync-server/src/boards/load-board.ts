/**
 * Rebuilds a board's Y.Doc from storage: the newer of the snapshot and the latest checkpoint, then
 * every history entry after it. The history log is complete (each accepted update is appended before it
 * is acknowledged), so this is exact even when the debounced snapshot was lost to a crash.
 */
import * as Y from 'yjs'
import type { AsyncBoardStorage } from '../storage/async-board-storage.ts'

export interface LoadedBoard {
  doc: Y.Doc
  /** the last history seq the doc includes */
  seq: number
}

/** Pages through the tail so a long-unsnapshotted board does not load into one giant array. */
const TAIL_PAGE = 1000

export async function loadBoardDoc(storage: AsyncBoardStorage, boardId: string): Promise<LoadedBoard> {
  const doc = new Y.Doc()
  const [snapshot, checkpoint] = await Promise.all([
    storage.readSnapshot(boardId),
    storage.latestCheckpoint(boardId),
  ])
  const base = newer(snapshot, checkpoint)
  let seq = 0
  if (base !== undefined) {
    Y.applyUpdate(doc, base.state)
    seq = base.seq
  }
  for (;;) {
    const page = await storage.readHistory(boardId, { afterSeq: seq, limit: TAIL_PAGE })
    if (page.length === 0) break
    // One merged apply per page: integrating many small updates one by one is much slower.
    Y.applyUpdate(doc, Y.mergeUpdates(page.map((entry) => entry.update)))
    seq = page[page.length - 1]!.seq
  }
  return { doc, seq }
}

function newer<T extends { seq: number }>(a: T | undefined, b: T | undefined): T | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return a.seq >= b.seq ? a : b
}
