import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { type BoardMeta, readBoard } from '../doc/board.ts'
import { declareBoardRoots } from '../doc/doc-maps.ts'
import { recordIdsTouchedBy } from '../doc/observe-records.ts'
import { readRecord } from '../doc/records.ts'
import { readRoles, roleIdsTouchedBy } from '../doc/roles.ts'
import { boardChangedBy } from '../doc/touched-fields.ts'
import type { Role } from '../schema/role.ts'
import type { BoardContent } from './board-content.ts'
import {
  type BoardHistory,
  type Checkpoint,
  DEFAULT_CHECKPOINT_INTERVAL,
  type HistoryEntry,
} from './history-entry.ts'
import { historyOrigin } from './history-origin.ts'

/** What one entry did to the board's content: the records it wrote (as they were after it) and removed. */
export type EntryEffect = {
  upserted: readonly TLRecord[]
  removed: readonly string[]
  /** All roles after the entry, when it touched roles (rare: a whole list is simpler than a delta). */
  roles: readonly Role[] | null
  /** The board fields after the entry, when it touched them. */
  board: BoardMeta | null
}

type Keyframe = {
  seq: number
  records: ReadonlyMap<string, TLRecord>
  roles: readonly Role[]
  board: BoardMeta
}

/**
 * A board's history as a client loads it, page by page, indexed for seeking while it is read (one
 * pass over the log):
 * - Yjs checkpoints every `interval` entries (the server's checkpoint states are not sent over HTTP),
 *   so `docAt(log, moment)` is a checkpoint plus at most `interval` updates;
 * - the content of the board at the same points (keyframes) and what each entry changed (effects), so
 *   `contentAt(seq)` is a keyframe plus at most `interval` small effects. A Yjs state carries every
 *   tombstone the board ever made and grows with the history; a keyframe is the size of the board.
 *   Replay draws from `contentAt` and so seeks in the same time at 10k and at 100k entries.
 * Keyframes share record objects with the effects (never mutated), so they cost a map each.
 */
export class HistoryLog implements BoardHistory {
  readonly entries: HistoryEntry[] = []
  readonly checkpoints: Checkpoint[] = []
  readonly #effects: EntryEffect[] = []
  readonly #keyframes: Keyframe[] = []
  readonly #interval: number
  readonly #head = declareBoardRoots(new Y.Doc())
  readonly #records = new Map<string, TLRecord>()
  #roles: readonly Role[] = []
  #board: BoardMeta = readBoard(this.#head)

  readonly #yjsCheckpoints: boolean

  /**
   * `yjsCheckpoints: false` skips the Yjs states (only `docAt` needs them; replay reads `contentAt`):
   * encoding the whole state every `interval` entries is most of the cost of loading a long history.
   */
  constructor(interval: number = DEFAULT_CHECKPOINT_INTERVAL, options: { yjsCheckpoints?: boolean } = {}) {
    this.#interval = interval
    this.#yjsCheckpoints = options.yjsCheckpoints ?? true
    this.#keyframes.push({ seq: 0, records: new Map(), roles: [], board: this.#board })
  }

  /** The last seq loaded (0 when empty). */
  get lastSeq(): number {
    return this.entries.at(-1)?.seq ?? 0
  }

  /** Appends entries in seq order; entries at or before `lastSeq` are ignored (a page read twice). */
  append(entries: readonly HistoryEntry[]): void {
    for (const entry of entries) {
      if (entry.seq <= this.lastSeq) continue
      if (entry.seq !== this.lastSeq + 1) {
        throw new Error(`history entry ${entry.seq} follows ${this.lastSeq}: the log has a gap`)
      }
      this.entries.push(entry)
      this.#effects.push(this.#applyNoting(entry))
      if (entry.seq % this.#interval === 0) {
        if (this.#yjsCheckpoints) {
          this.checkpoints.push({
            seq: entry.seq,
            time: entry.time,
            state: Y.encodeStateAsUpdate(this.#head),
          })
        }
        this.#keyframes.push({
          seq: entry.seq,
          records: new Map(this.#records),
          roles: this.#roles,
          board: this.#board,
        })
      }
    }
  }

  /** What the entry at `seq` changed (null for seq 0 or beyond the log). */
  effectOf(seq: number): EntryEffect | null {
    return this.#effects[seq - 1] ?? null
  }

  /** The board's content after entry `seq` (clamped to the log): the keyframe at or before it plus effects. */
  contentAt(seq: number): BoardContent & { seq: number } {
    const target = Math.max(0, Math.min(seq, this.lastSeq))
    const keyframe = this.#keyframes[Math.floor(target / this.#interval)] as Keyframe
    const records = new Map(keyframe.records)
    let roles = keyframe.roles
    let board = keyframe.board
    for (let at = keyframe.seq + 1; at <= target; at++) {
      const effect = this.#effects[at - 1] as EntryEffect
      for (const id of effect.removed) records.delete(id)
      for (const record of effect.upserted) records.set(record.id, record)
      if (effect.roles) roles = effect.roles
      if (effect.board) board = effect.board
    }
    return { seq: target, records, roles, board }
  }

  destroy(): void {
    this.#head.destroy()
  }

  #applyNoting(entry: HistoryEntry): EntryEffect {
    let effect: EntryEffect = { upserted: [], removed: [], roles: null, board: null }
    const note = (transaction: Y.Transaction) => {
      const touched = recordIdsTouchedBy(transaction)
      const upserted: TLRecord[] = []
      const removed = [...touched.removed]
      for (const id of touched.changed) {
        const record = readRecord(this.#head, id)
        if (record) upserted.push(record)
        else removed.push(id)
      }
      for (const id of removed) this.#records.delete(id)
      for (const record of upserted) this.#records.set(record.id, record)
      const roles = roleIdsTouchedBy(transaction)
      const rolesChanged = roles.changed.size + roles.removed.size > 0
      if (rolesChanged) this.#roles = readRoles(this.#head)
      const boardChanged = boardChangedBy(transaction)
      if (boardChanged) this.#board = readBoard(this.#head)
      effect = {
        upserted,
        removed,
        roles: rolesChanged ? this.#roles : null,
        board: boardChanged ? this.#board : null,
      }
    }
    this.#head.on('afterTransaction', note)
    Y.applyUpdate(this.#head, entry.update, historyOrigin)
    this.#head.off('afterTransaction', note)
    return effect
  }
}
