/**
 * Versioned changes to the SQLite schema, applied in order on open and counted in `PRAGMA user_version`.
 * The base schema (sqlite-storage.ts) is created with `IF NOT EXISTS` and never changes; every later
 * column or table is a migration here, so a database written by an older server gains it on its first
 * open and a new one gets it the same way. Append only: a migration's number never changes once released.
 */
import type { DatabaseSync } from 'node:sqlite'

interface SqliteMigration {
  /** 1, 2, 3 …: the `user_version` the database has once this migration is applied. */
  version: number
  name: string
  sql: string
}

export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'boards.deleted_at: a deleted board is kept (and restorable) until it is purged',
    sql: 'ALTER TABLE boards ADD COLUMN deleted_at INTEGER',
  },
  {
    version: 2,
    name: "board_members, revoked_tokens: a facilitator's role changes and removals outlive a restart",
    sql: `
      CREATE TABLE IF NOT EXISTS board_members (
        board_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        -- 'editor' | 'viewer' | 'removed' (MemberChange, @flowmap/shared)
        change TEXT NOT NULL,
        changed_at INTEGER NOT NULL,
        PRIMARY KEY (board_id, user_id)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS revoked_tokens (
        board_id TEXT NOT NULL,
        token_id TEXT NOT NULL,
        revoked_at INTEGER NOT NULL,
        PRIMARY KEY (board_id, token_id)
      ) WITHOUT ROWID;`,
  },
  {
    version: 3,
    name: 'board_templates: boards a facilitator saved as templates, content as JSON',
    sql: `CREATE TABLE IF NOT EXISTS board_templates (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      description TEXT NOT NULL,
      board_id TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      created_by TEXT NOT NULL,
      content TEXT NOT NULL
    ) STRICT`,
  },
  {
    version: 4,
    name: 'vote_ballots: unrevealed dot votes, held beside the board and never in its doc',
    sql: `CREATE TABLE IF NOT EXISTS vote_ballots (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      board_id TEXT NOT NULL,
      vote_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      shape_id TEXT NOT NULL,
      cast_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS vote_ballots_by_vote ON vote_ballots (board_id, vote_id, user_id)`,
  },
  {
    version: 5,
    name: 'assets, asset_links: images and files stored by hash (bytes under DATA_DIR/assets), and the boards that may read each',
    sql: `
      CREATE TABLE IF NOT EXISTS assets (
        hash TEXT PRIMARY KEY,
        -- sniffed from the bytes (@flowmap/shared asset-type.ts)
        mime_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS asset_links (
        board_id TEXT NOT NULL,
        hash TEXT NOT NULL,
        name TEXT NOT NULL,
        linked_at INTEGER NOT NULL,
        PRIMARY KEY (board_id, hash)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS asset_links_by_hash ON asset_links (hash)`,
  },
]

/** Applies the migrations the database has not had yet, each in its own transaction with its version. */
export function migrateSqlite(db: DatabaseSync): void {
  const row = db.prepare('PRAGMA user_version').get()
  const current = Number(row?.user_version ?? 0)
  for (const migration of SQLITE_MIGRATIONS) {
    if (migration.version <= current) continue
    db.exec('BEGIN')
    try {
      db.exec(migration.sql)
      // PRAGMA takes no bound parameters; the version is a number from the list above.
      db.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`)
      db.exec('COMMIT')
    } catch (error) {
      db.exec('ROLLBACK')
      throw new Error(`database migration ${migration.version} (${migration.name}) failed: ${String(error)}`)
    }
  }
}
