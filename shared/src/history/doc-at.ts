import * as Y from 'yjs'
import { declareBoardRoots } from '../doc/doc-maps.ts'
import { transactBoard } from '../doc/transact-board.ts'
import type { BoardHistory, Checkpoint, HistoryEntry, HistoryMoment } from './history-entry.ts'
import { historyOrigin } from './history-origin.ts'

/**
 * Rebuilds a board from a checkpoint (or from nothing) plus the entries after it. The doc is new and
 * unsynced: replay and restore read it, nobody edits it. Applying the tail in one transaction lets
 * Yjs integrate it once instead of once per update.
 */
export function rebuildDoc(checkpoint: Checkpoint | null, tail: Iterable<HistoryEntry>): Y.Doc {
  const doc = declareBoardRoots(new Y.Doc())
  transactBoard(doc, historyOrigin, () => {
    if (checkpoint) Y.applyUpdate(doc, checkpoint.state)
    for (const entry of tail) Y.applyUpdate(doc, entry.update)
  })
  return doc
}

/**
 * The board as it was at `moment`, from the nearest checkpoint at or before it plus the entries between:
 * at most one checkpoint interval of updates, however long the history is (never from the beginning).
 * Returns the seq the doc reflects (0 before the first entry).
 */
export function docAt(history: BoardHistory, moment: HistoryMoment): { doc: Y.Doc; seq: number } {
  const seq = seqAt(history.entries, moment)
  const checkpoint = lastAtOrBefore(history.checkpoints, seq, (c) => c.seq)
  const from = checkpoint ? checkpoint.seq : 0
  const start = firstIndexAfter(history.entries, from, (e) => e.seq)
  const end = firstIndexAfter(history.entries, seq, (e) => e.seq)
  return { doc: rebuildDoc(checkpoint ?? null, history.entries.slice(start, end)), seq }
}

/** The seq of the last entry at or before `moment` (0 when none). */
export function seqAt(entries: readonly HistoryEntry[], moment: HistoryMoment): number {
  if ('seq' in moment) {
    const entry = lastAtOrBefore(entries, moment.seq, (e) => e.seq)
    return entry ? entry.seq : 0
  }
  const entry = lastAtOrBefore(entries, moment.time, (e) => e.time)
  return entry ? entry.seq : 0
}

/** Binary search over a list sorted by `key`: the last item whose key is <= `value`. */
function lastAtOrBefore<T>(items: readonly T[], value: number, key: (item: T) => number): T | undefined {
  const index = firstIndexAfter(items, value, key) - 1
  return index >= 0 ? items[index] : undefined
}

/** Binary search: the index of the first item whose key is > `value` (items.length when none). */
function firstIndexAfter<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let low = 0
  let high = items.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (key(items[mid] as T) <= value) low = mid + 1
    else high = mid
  }
  return low
}
