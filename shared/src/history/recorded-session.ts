import * as Y from 'yjs'
import { deleteRecord, readRecord, readRecords, writeRecord } from '../doc/records.ts'
import { seededRandom } from '../testing/seeded-random.ts'
import { workflowShape } from '../testing/shape-records.ts'
import { type Checkpoint, type HistoryEntry, isCheckpointDue } from './history-entry.ts'

/**
 * A generated editing session recorded the way the server records one: every update becomes an entry,
 * a checkpoint every `checkpointInterval` entries, and (for tests) the live state after each step.
 * Deterministic for a given seed. Used by the history tests and the seek benchmark.
 */
export type RecordedSession = {
  entries: HistoryEntry[]
  checkpoints: Checkpoint[]
  /**
   * The live doc's records (`recordsSnapshot`) after the entry of the given seq, for the seqs asked
   * for: taken from the live doc as it was, so a check against them never goes through history code.
   */
  liveStates: Map<number, string>
}

export type SessionOptions = {
  updates: number
  users?: readonly string[]
  seed?: number
  checkpointInterval?: number
  /**
   * Keep the board at about this many shapes (past it, creations turn into deletions), so a long
   * session grows the history and not the board: what the seek benchmark needs to show that a seek
   * costs the same at 10k and 100k updates. Unbounded when absent.
   */
  maxShapes?: number
  /** Record the live state after these seqs (for equality checks). */
  recordStatesAt?: (seq: number) => boolean
}

export function recordSession(options: SessionOptions): RecordedSession {
  const users = options.users ?? ['ana', 'ben', 'chloe']
  const random = seededRandom(options.seed ?? 1)
  const doc = new Y.Doc()
  const entries: HistoryEntry[] = []
  const checkpoints: Checkpoint[] = []
  const liveStates = new Map<number, string>()
  let pending: Uint8Array | null = null
  doc.on('update', (update: Uint8Array) => {
    pending = update
  })
  const ids: string[] = []
  for (let seq = 1; seq <= options.updates; seq++) {
    editOnce(doc, ids, random, seq, options.maxShapes ?? Number.POSITIVE_INFINITY)
    const update = pending as Uint8Array | null
    if (update === null) throw new Error(`step ${seq} made no update`)
    pending = null
    const userId = users[seq % users.length] as string
    entries.push({ seq, time: 1_700_000_000_000 + seq * 1000, userId, clientId: doc.clientID, update })
    if (isCheckpointDue(seq, options.checkpointInterval)) {
      checkpoints.push({ seq, time: 1_700_000_000_000 + seq * 1000, state: Y.encodeStateAsUpdate(doc) })
    }
    if (options.recordStatesAt?.(seq)) liveStates.set(seq, recordsSnapshot(doc))
  }
  return { entries, checkpoints, liveStates }
}

/** One edit: mostly moves and prop changes, sometimes a new step, now and then a deletion. */
function editOnce(doc: Y.Doc, ids: string[], random: () => number, seq: number, maxShapes: number): void {
  const roll = random()
  if (ids.length < 5 || (roll < 0.05 && ids.length < maxShapes)) {
    const id = `s${seq}`
    ids.push(id)
    writeRecord(doc, workflowShape('step', { id, x: seq, y: 0, props: { label: `Step ${seq}` } }))
    return
  }
  const id = ids[Math.floor(random() * ids.length)] as string
  if (roll < 0.07) {
    deleteRecord(doc, `shape:${id}`)
    ids.splice(ids.indexOf(id), 1)
    return
  }
  const current = readRecord(doc, `shape:${id}`) as ReturnType<typeof workflowShape<'step'>> | undefined
  if (!current) throw new Error(`shape:${id} is missing`)
  const next =
    roll < 0.6
      ? { ...current, x: current.x + 10, y: current.y + 5 }
      : { ...current, props: { ...current.props, label: `Step ${id} v${seq}` } }
  writeRecord(doc, next)
}

/** Records as sorted JSON, to compare two docs' contents. */
export function recordsSnapshot(doc: Y.Doc): string {
  return JSON.stringify(readRecords(doc).sort((a, b) => (a.id < b.id ? -1 : 1)))
}
