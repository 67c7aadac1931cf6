import * as Y from 'yjs'
import { historyDoc } from './doc-at.ts'
import {
  type BoardHistory,
  type Checkpoint,
  DEFAULT_CHECKPOINT_INTERVAL,
  type HistoryEntry,
} from './history-entry.ts'
import { historyOrigin } from './history-origin.ts'

/**
 * A board's history as a client loads it, page by page: the entries, plus checkpoints it makes itself
 * every `interval` entries while it reads them (the server's checkpoint states are not sent over HTTP),
 * so every later seek is a checkpoint plus at most `interval` updates. Loading is one pass over the log.
 */
export class HistoryLog implements BoardHistory {
  readonly entries: HistoryEntry[] = []
  readonly checkpoints: Checkpoint[] = []
  readonly #interval: number
  readonly #head = historyDoc()

  constructor(interval: number = DEFAULT_CHECKPOINT_INTERVAL) {
    this.#interval = interval
  }

  /** The last seq loaded (0 when empty). */
  get lastSeq(): number {
    return this.entries.at(-1)?.seq ?? 0
  }

  /** Appends entries in seq order; entries at or before `lastSeq` are ignored (a page read twice). */
  append(entries: readonly HistoryEntry[]): void {
    for (const entry of entries) {
      if (entry.seq <= this.lastSeq) continue
      this.entries.push(entry)
      Y.applyUpdate(this.#head, entry.update, historyOrigin)
      if (entry.seq % this.#interval === 0) {
        this.checkpoints.push({ seq: entry.seq, time: entry.time, state: Y.encodeStateAsUpdate(this.#head) })
      }
    }
  }

  destroy(): void {
    this.#head.destroy()
  }
}
