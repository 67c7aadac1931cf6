import * as Y from 'yjs'
import { recordIdsTouchedBy } from '../doc/observe-records.ts'
import { docAt, historyDoc } from './doc-at.ts'
import { type BoardHistory, DEFAULT_CHECKPOINT_INTERVAL, type HistoryEntry } from './history-entry.ts'
import { historyOrigin } from './history-origin.ts'

/** The edit that led to the cursor's moment, and the records it touched (for highlighting). */
export type ReplayStep = { entry: HistoryEntry; changed: string[]; removed: string[] }

export type ReplayPosition = {
  doc: Y.Doc
  seq: number
  /** The entry at `seq` (null at seq 0). */
  step: ReplayStep | null
  /** true when `doc` is a new Y.Doc (the previous one is destroyed): reload everything from it. */
  replaced: boolean
}

/**
 * A read-only walk through a board's history for replay: moving forward a little applies the next
 * entries to the same doc (playback at 32x stays cheap); a jump backwards or far ahead rebuilds from
 * the nearest checkpoint (docAt), never from the beginning. The doc is never synced.
 */
export class ReplayCursor {
  readonly #history: BoardHistory
  readonly #jumpAfter: number
  #doc = historyDoc()
  #seq = 0

  constructor(history: BoardHistory, options: { jumpAfter?: number } = {}) {
    this.#history = history
    this.#jumpAfter = options.jumpAfter ?? DEFAULT_CHECKPOINT_INTERVAL
  }

  get doc(): Y.Doc {
    return this.#doc
  }

  get seq(): number {
    return this.#seq
  }

  moveTo(target: number): ReplayPosition {
    const entries = this.#history.entries
    const last = entries.at(-1)?.seq ?? 0
    const seq = Math.max(0, Math.min(target, last))
    let replaced = false
    if (seq < this.#seq || seq - this.#seq > this.#jumpAfter) {
      this.#doc.destroy()
      this.#doc = docAt(this.#history, { seq: Math.max(0, seq - 1) }).doc
      this.#seq = Math.max(0, seq - 1)
      replaced = true
    }
    let step: ReplayStep | null = null
    // Entries are gap-free from seq 1, so entry n sits at index n - 1 (no search needed).
    for (let next = this.#seq + 1; next <= seq; next++) {
      const entry = entries[next - 1] as HistoryEntry
      if (next === seq) step = this.#applyNoting(entry)
      else this.#apply(entry)
    }
    if (seq === this.#seq && seq > 0 && !replaced) step = this.#stepAt(seq)
    this.#seq = seq
    return { doc: this.#doc, seq, step, replaced }
  }

  destroy(): void {
    this.#doc.destroy()
  }

  #apply(entry: HistoryEntry): void {
    Y.applyUpdate(this.#doc, entry.update, historyOrigin)
  }

  #applyNoting(entry: HistoryEntry): ReplayStep {
    let changed: string[] = []
    let removed: string[] = []
    const note = (transaction: Y.Transaction) => {
      const touched = recordIdsTouchedBy(transaction)
      changed = [...touched.changed]
      removed = [...touched.removed]
    }
    this.#doc.on('afterTransaction', note)
    this.#apply(entry)
    this.#doc.off('afterTransaction', note)
    return { entry, changed, removed }
  }

  /** The step that led to `seq`, worked out on a scratch doc so the cursor's doc stays as it is. */
  #stepAt(seq: number): ReplayStep {
    const before = docAt(this.#history, { seq: seq - 1 }).doc
    const entry = this.#history.entries[seq - 1] as HistoryEntry
    let step: ReplayStep = { entry, changed: [], removed: [] }
    before.on('afterTransaction', (transaction: Y.Transaction) => {
      const touched = recordIdsTouchedBy(transaction)
      step = { entry, changed: [...touched.changed], removed: [...touched.removed] }
    })
    Y.applyUpdate(before, entry.update, historyOrigin)
    before.destroy()
    return step
  }
}
