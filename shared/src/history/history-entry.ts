/**
 * The history format: the server appends every accepted update to an append-only log and writes a
 * checkpoint (the full state) every N updates, so any moment is the nearest checkpoint plus a short tail.
 *
 * An entry has three forms, one name each:
 * - `StoredHistoryEntry` (sync-server `storage/board-storage.ts`): the row as stored, with its board id
 *   and the sender's name; `userId` and `clientId` are null for changes the server made itself.
 * - `HistoryEntryJson` (`protocol/history-entry-json.ts`): as GET /api/boards/:id/history sends it (ISO
 *   time, base64 update, the same nulls).
 * - `HistoryEntry` (here): what replay and rebuilding read, with no nulls; `replayEntry` makes it from
 *   either of the others, so the stand-ins for a missing sender are chosen once.
 */

/** The user id replay shows for changes the server made itself (no connection). */
export const SERVER_USER_ID = 'server'

/** One accepted update, as replay reads it. */
export type HistoryEntry = {
  /** Position in the board's log: 1, 2, 3 … with no gaps. */
  seq: number
  /** When the server accepted it, ms since the epoch. */
  time: number
  /** Who sent it (the token's `sub`; in local mode `local:<person id>`, or 'local' for a client that declared nobody). */
  userId: string
  /** The Yjs client ID of the sender's doc, 0 when unknown. */
  clientId: number
  /** The Yjs update (V1 encoding, as Hocuspocus speaks). */
  update: Uint8Array
}

/** The sender fields of an entry as the server logs them: null when the server made the change. */
export type LoggedSender = { userId: string | null; clientId: number | null }

/** An entry for replay from its logged form: no user is `SERVER_USER_ID`, no client ID is 0. */
export function replayEntry(entry: Omit<HistoryEntry, 'userId' | 'clientId'> & LoggedSender): HistoryEntry {
  return {
    seq: entry.seq,
    time: entry.time,
    userId: entry.userId ?? SERVER_USER_ID,
    clientId: entry.clientId ?? 0,
    update: entry.update,
  }
}

/** The full state of a board right after the entry `seq` was applied. */
export type Checkpoint = {
  seq: number
  time: number
  /** `Y.encodeStateAsUpdate(doc)` (V1). */
  state: Uint8Array
}

/** A moment in a board's history: after entry `seq`, or after the last entry at or before `time`. */
export type HistoryMoment = { seq: number } | { time: number }

/** A board's history held in memory, both lists sorted by `seq`. */
export type BoardHistory = {
  checkpoints: readonly Checkpoint[]
  entries: readonly HistoryEntry[]
}

/** The default number of entries between two checkpoints: a rebuild applies at most this many updates. */
export const DEFAULT_CHECKPOINT_INTERVAL = 200

export function isCheckpointDue(seq: number, interval: number = DEFAULT_CHECKPOINT_INTERVAL): boolean {
  return seq > 0 && seq % interval === 0
}
