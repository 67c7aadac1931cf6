/**
 * Reads the stored checkpoint nearest at or before a seq, for rebuilding a past moment. BoardStorage
 * only offers the latest checkpoint; this reads the same `checkpoints` table (sqlite-storage.ts)
 * through a short-lived connection of its own, like named-versions.ts. When BoardStorage gains
 * `checkpointAtOrBefore(boardId, seq)`, this file becomes that call.
 */
import { DatabaseSync } from 'node:sqlite'

export interface StoredCheckpoint {
  seq: number
  time: number
  /** Y.encodeStateAsUpdate of the board right after entry `seq` (V1). */
  state: Uint8Array
}

/** null when there is no database file (in-memory storage) or no checkpoint at or before `seq`. */
export function checkpointAtOrBefore(
  databasePath: string | null,
  boardId: string,
  seq: number,
): StoredCheckpoint | null {
  if (databasePath === null) return null
  const db = new DatabaseSync(databasePath, { readOnly: true })
  try {
    db.exec('PRAGMA busy_timeout = 5000')
    const row = db
      .prepare(
        'SELECT seq, time, state FROM checkpoints WHERE board_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1',
      )
      .get(boardId, seq)
    return row === undefined
      ? null
      : { seq: Number(row.seq), time: Number(row.time), state: row.state as Uint8Array }
  } finally {
    db.close()
  }
}
