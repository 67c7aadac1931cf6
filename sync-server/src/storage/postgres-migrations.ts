/**
 * Versioned changes to the Postgres schema, applied in order when a PostgresBoardStorage opens, each
 * recorded in `schema_migrations`. Several sync-server instances may start together against one
 * database: the whole run holds one transaction-scoped advisory lock, so the second instance waits,
 * then finds every migration applied and applies none. Append only: a released migration never changes.
 *
 * Migration 1 is SQLite's schema as it stands after its own migrations (sqlite-storage.ts,
 * sqlite-migrations.ts), table for table and column for column, so `flowmap migrate-storage` can copy
 * rows across unchanged: bytea for Yjs updates and states, bigint ms since the epoch for times. Two
 * additions only Postgres needs: `history_heads` (the per-board counter the append takes its seq from,
 * postgres-storage.ts) and `board_templates.position` (SQLite's rowid: insertion order).
 */
import type pg from 'pg'

interface PostgresMigration {
  version: number
  name: string
  sql: string
}

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'the schema of SQLite migration 5: boards, history and its per-board counter, checkpoints, named versions, client ids, members, revoked tokens, templates, votes, assets',
    sql: `
      CREATE TABLE boards (
        id text PRIMARY KEY,
        title text NOT NULL,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL,
        -- the debounced snapshot and the last history seq it includes
        state bytea,
        state_seq bigint NOT NULL DEFAULT 0,
        deleted_at bigint
      );
      CREATE TABLE history (
        board_id text NOT NULL,
        seq bigint NOT NULL,
        time bigint NOT NULL,
        user_id text,
        user_name text,
        client_id bigint,
        update_bytes bytea NOT NULL,
        PRIMARY KEY (board_id, seq)
      );
      -- The last seq handed out per board: the append locks and bumps this row in the statement that
      -- inserts the entry, so concurrent writers queue on it and the seqs stay 1, 2, 3 … with no gap.
      CREATE TABLE history_heads (
        board_id text PRIMARY KEY,
        last_seq bigint NOT NULL
      );
      CREATE TABLE checkpoints (
        board_id text NOT NULL,
        seq bigint NOT NULL,
        time bigint NOT NULL,
        state bytea NOT NULL,
        PRIMARY KEY (board_id, seq)
      );
      CREATE TABLE named_versions (
        board_id text NOT NULL,
        seq bigint NOT NULL,
        time bigint NOT NULL,
        name text NOT NULL,
        user_id text NOT NULL,
        user_name text NOT NULL
      );
      CREATE INDEX named_versions_by_board ON named_versions (board_id, seq);
      CREATE TABLE client_ids (
        board_id text NOT NULL,
        client_id bigint NOT NULL,
        -- the token subject of the first writer; NULL for the server itself
        owner text,
        first_seen bigint NOT NULL,
        PRIMARY KEY (board_id, client_id)
      );
      CREATE TABLE board_members (
        board_id text NOT NULL,
        user_id text NOT NULL,
        -- 'editor' | 'viewer' | 'removed' (MemberChange, @flowmap/shared)
        change text NOT NULL,
        changed_at bigint NOT NULL,
        PRIMARY KEY (board_id, user_id)
      );
      CREATE TABLE revoked_tokens (
        board_id text NOT NULL,
        token_id text NOT NULL,
        revoked_at bigint NOT NULL,
        PRIMARY KEY (board_id, token_id)
      );
      CREATE TABLE board_templates (
        id text PRIMARY KEY,
        -- insertion order, SQLite's rowid: the tie-break of templates saved in the same ms
        position bigint GENERATED ALWAYS AS IDENTITY,
        name text NOT NULL,
        description text NOT NULL,
        board_id text NOT NULL,
        created_at bigint NOT NULL,
        created_by text NOT NULL,
        -- JSON: { roles, records }
        content text NOT NULL
      );
      CREATE TABLE vote_ballots (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        board_id text NOT NULL,
        vote_id text NOT NULL,
        user_id text NOT NULL,
        shape_id text NOT NULL,
        cast_at bigint NOT NULL
      );
      CREATE INDEX vote_ballots_by_vote ON vote_ballots (board_id, vote_id, user_id);
      CREATE TABLE assets (
        hash text PRIMARY KEY,
        -- sniffed from the bytes (@flowmap/shared asset-type.ts)
        mime_type text NOT NULL,
        size bigint NOT NULL,
        created_at bigint NOT NULL
      );
      CREATE TABLE asset_links (
        board_id text NOT NULL,
        hash text NOT NULL,
        name text NOT NULL,
        linked_at bigint NOT NULL,
        PRIMARY KEY (board_id, hash)
      );
      CREATE INDEX asset_links_by_hash ON asset_links (hash);`,
  },
]

/** Any constant both instances agree on: the advisory lock that serialises migration runs. */
const MIGRATION_LOCK = 0x466c6f77 // "Flow"

/**
 * Applies the migrations the database has not had yet, in one transaction under the migration lock;
 * answers the versions it applied (none when another instance got there first).
 */
export async function migratePostgres(client: pg.ClientBase): Promise<number[]> {
  const applied: number[] = []
  await client.query('BEGIN')
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    // Only written when something is missing: a migrated database opens even where it is read-only
    // (its writes then fail as read-only, as SQLite's do).
    const table = await client.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")
    if (table.rows[0]?.present !== true)
      await client.query(`CREATE TABLE schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at bigint NOT NULL
    )`)
    const done = await client.query<{ version: number }>('SELECT version FROM schema_migrations')
    const have = new Set(done.rows.map((row) => Number(row.version)))
    for (const migration of POSTGRES_MIGRATIONS) {
      if (have.has(migration.version)) continue
      try {
        await client.query(migration.sql)
      } catch (error) {
        throw new Error(
          `database migration ${migration.version} (${migration.name}) failed: ${String(error)}`,
        )
      }
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        Date.now(),
      ])
      applied.push(migration.version)
    }
    await client.query('COMMIT')
    return applied
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  }
}
