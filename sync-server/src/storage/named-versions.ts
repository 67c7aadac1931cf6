/**
 * Named versions: a facilitator names a moment of a board ("after round 1"); the name points at a
 * history seq, so replay can jump to it and restore it. Names are metadata beside the history, never
 * part of the board's doc: naming a moment changes nothing anyone edits.
 *
 * Kept in the server's SQLite file, in a table of its own. Each call opens the file briefly (WAL mode,
 * so it never blocks the history appends of the live boards) instead of holding a second connection
 * whose lifetime the server would have to manage. Without a data dir (in-memory storage) the names
 * live in this store's memory, like everything else then.
 */
import { DatabaseSync } from 'node:sqlite'

/** One named moment of a board. */
export interface NamedVersion {
  boardId: string
  /** The history seq the name points at: the board as it was after that entry. */
  seq: number
  name: string
  /** ms since the epoch, when it was named */
  time: number
  userId: string
  userName: string
}

export interface NamedVersionStore {
  add(version: NamedVersion): void
  /** Oldest first (by seq, then time). */
  list(boardId: string): NamedVersion[]
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS named_versions (
  board_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  time INTEGER NOT NULL,
  name TEXT NOT NULL,
  user_id TEXT NOT NULL,
  user_name TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS named_versions_by_board ON named_versions (board_id, seq);
`

/** `databasePath` is the server's SQLite file (config.ts `databasePath`), null for in-memory. */
export function namedVersionStore(databasePath: string | null): NamedVersionStore {
  return databasePath === null ? memoryStore() : sqliteStore(databasePath)
}

function sqliteStore(path: string): NamedVersionStore {
  function withDatabase<T>(use: (db: DatabaseSync) => T): T {
    const db = new DatabaseSync(path)
    try {
      db.exec('PRAGMA busy_timeout = 5000')
      db.exec(SCHEMA)
      return use(db)
    } finally {
      db.close()
    }
  }
  return {
    add(version) {
      withDatabase((db) =>
        db
          .prepare(
            'INSERT INTO named_versions (board_id, seq, time, name, user_id, user_name) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(version.boardId, version.seq, version.time, version.name, version.userId, version.userName),
      )
    },
    list(boardId) {
      return withDatabase((db) =>
        db
          .prepare(
            'SELECT board_id, seq, time, name, user_id, user_name FROM named_versions WHERE board_id = ? ORDER BY seq, time',
          )
          .all(boardId)
          .map((row) => ({
            boardId: String(row.board_id),
            seq: Number(row.seq),
            time: Number(row.time),
            name: String(row.name),
            userId: String(row.user_id),
            userName: String(row.user_name),
          })),
      )
    },
  }
}

function memoryStore(): NamedVersionStore {
  const versions: NamedVersion[] = []
  return {
    add: (version) => versions.push(version),
    list: (boardId) =>
      versions
        .filter((version) => version.boardId === boardId)
        .sort((a, b) => a.seq - b.seq || a.time - b.time),
  }
}
