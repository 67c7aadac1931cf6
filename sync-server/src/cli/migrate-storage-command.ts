/**
 * `flowmap migrate-storage --to postgres://… [--from <DATA_DIR>]`: copies a SQLite data dir into an
 * empty Postgres database, every table row as it is (seqs, times, bytes unchanged), in one Postgres
 * transaction, so a failure leaves the target as empty as it was. Postgres's schema is SQLite's column
 * for column (storage/postgres-migrations.ts), so the command reads SQLite's tables directly rather
 * than through `BoardStorage`, which has no read-all methods. It opens `SqliteStorage` first: that
 * takes the database lock (a running server refuses the copy) and applies SQLite's own migrations, so
 * every table exists. Asset files are not copied: they stay under DATA_DIR/assets.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync, type SQLOutputValue } from 'node:sqlite'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { configFromEnv, databasePath } from '../config.ts'
import { DatabaseLockedError } from '../storage/database-lock.ts'
import { openPostgresStorage } from '../storage/postgres-storage.ts'
import { SqliteStorage } from '../storage/sqlite-storage.ts'
import type { CommandResult } from './invite-command.ts'

export const MIGRATE_STORAGE_USAGE =
  'usage: pnpm flowmap migrate-storage --to postgres://… [--from <DATA_DIR>]'

/** The tables copied, in an order that needs no foreign key first, with their shared columns. */
const TABLES: readonly { name: string; columns: readonly string[]; order: string }[] = [
  {
    name: 'boards',
    columns: ['id', 'title', 'created_at', 'updated_at', 'state', 'state_seq', 'deleted_at'],
    order: 'id',
  },
  {
    name: 'history',
    columns: ['board_id', 'seq', 'time', 'user_id', 'user_name', 'client_id', 'update_bytes'],
    order: 'board_id, seq',
  },
  { name: 'checkpoints', columns: ['board_id', 'seq', 'time', 'state'], order: 'board_id, seq' },
  // rowid order: the order they were added, which listing keeps for equal seqs
  {
    name: 'named_versions',
    columns: ['board_id', 'seq', 'time', 'name', 'user_id', 'user_name'],
    order: 'rowid',
  },
  {
    name: 'client_ids',
    columns: ['board_id', 'client_id', 'owner', 'first_seen'],
    order: 'board_id, client_id',
  },
  {
    name: 'board_members',
    columns: ['board_id', 'user_id', 'change', 'changed_at'],
    order: 'board_id, user_id',
  },
  { name: 'revoked_tokens', columns: ['board_id', 'token_id', 'revoked_at'], order: 'board_id, token_id' },
  // rowid order, so Postgres's identity `position` keeps the tie-break of templates saved in one ms
  {
    name: 'board_templates',
    columns: ['id', 'name', 'description', 'board_id', 'created_at', 'created_by', 'content'],
    order: 'rowid',
  },
  // id order; Postgres numbers them afresh (nothing refers to a ballot's id)
  { name: 'vote_ballots', columns: ['board_id', 'vote_id', 'user_id', 'shape_id', 'cast_at'], order: 'id' },
  { name: 'assets', columns: ['hash', 'mime_type', 'size', 'created_at'], order: 'hash' },
  { name: 'asset_links', columns: ['board_id', 'hash', 'name', 'linked_at'], order: 'board_id, hash' },
]

/** Rows per INSERT: well under Postgres's 65535 bound parameters for the widest table. */
const BATCH = 1000

export interface StorageMove {
  boards: number
  historyEntries: number
  namedVersions: number
  /** Rows per table. */
  rows: Record<string, number>
  ms: number
}

export async function migrateStorageCommand(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<CommandResult> {
  let to: string
  let from: string | undefined
  try {
    const { values } = parseArgs({
      args,
      options: { to: { type: 'string' }, from: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    })
    if (values.to === undefined || !/^postgres(ql)?:\/\//.test(values.to)) {
      throw new Error('--to takes the target database, a postgres:// URL')
    }
    to = values.to
    from = values.from
  } catch (error) {
    return { ok: false, error: `${(error as Error).message}\n${MIGRATE_STORAGE_USAGE}` }
  }
  const parsed = configFromEnv(from === undefined ? env : { ...env, DATA_DIR: from })
  if (!parsed.ok) return { ok: false, error: parsed.errors.join('\n') }
  const { config } = parsed
  const path = databasePath(config)
  if (config.dataDir === null || path === null || !existsSync(path)) {
    return { ok: false, error: `there is no Flowmap database in DATA_DIR=${config.dataDir}: nothing to move` }
  }
  let storage: SqliteStorage
  try {
    storage = new SqliteStorage({ path, synchronous: config.sqliteSynchronous })
  } catch (error) {
    if (!(error instanceof DatabaseLockedError)) throw error
    return { ok: false, error: `${error.message}\nStop the server to move its data to Postgres.` }
  }
  try {
    const moved = await moveToPostgres(path, to)
    if (!moved.ok) return moved
    const { move } = moved
    const links = move.rows.asset_links ?? 0
    const assets = move.rows.assets ?? 0
    return {
      ok: true,
      output: [
        `moved ${count(move.boards, 'board')}, ${count(move.historyEntries, 'history entry', 'history entries')}, ${count(move.namedVersions, 'named version')} in ${(move.ms / 1000).toFixed(1)} s`,
        `Asset files were not copied: ${assets} ${assets === 1 ? 'asset' : 'assets'} (${links} ${links === 1 ? 'link' : 'links'}) keep their bytes in ${join(config.dataDir, 'assets')}; keep that directory (or copy it) for the server that uses Postgres.`,
      ].join('\n'),
    }
  } finally {
    storage.close()
  }
}

async function moveToPostgres(
  sqlitePath: string,
  url: string,
): Promise<{ ok: true; move: StorageMove } | { ok: false; error: string }> {
  const started = performance.now()
  // Creates the schema (or finds it); the copy itself runs on its own connection.
  try {
    const target = await openPostgresStorage({ url })
    await target.close()
  } catch (error) {
    return { ok: false, error: `cannot open the target database: ${(error as Error).message}` }
  }
  const source = new DatabaseSync(sqlitePath, { readOnly: true })
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    await client.query('BEGIN')
    try {
      // No other writer may add a board between the emptiness check and the commit.
      await client.query('LOCK TABLE boards IN EXCLUSIVE MODE')
      const existing = await client.query('SELECT count(*)::int AS n FROM boards')
      const n = existing.rows[0].n as number
      if (n > 0) {
        await client.query('ROLLBACK')
        return {
          ok: false,
          error: `the target database already holds ${n} ${n === 1 ? 'board' : 'boards'}: migrate-storage copies only into an empty database and never merges; nothing was changed.`,
        }
      }
      const rows: Record<string, number> = {}
      for (const table of TABLES) {
        rows[table.name] = await copyTable(source, client, table)
      }
      // The per-board counter Postgres appends bump: the last seq SQLite handed out (its MAX(seq)).
      await client.query(
        'INSERT INTO history_heads (board_id, last_seq) SELECT board_id, max(seq) FROM history GROUP BY board_id',
      )
      await client.query('COMMIT')
      return {
        ok: true,
        move: {
          boards: rows.boards ?? 0,
          historyEntries: rows.history ?? 0,
          namedVersions: rows.named_versions ?? 0,
          rows,
          ms: performance.now() - started,
        },
      }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      return {
        ok: false,
        error: `the move failed and was rolled back, nothing was copied: ${(error as Error).message}`,
      }
    }
  } catch (error) {
    return { ok: false, error: `cannot reach the target database: ${(error as Error).message}` }
  } finally {
    source.close()
    await client.end().catch(() => {})
  }
}

async function copyTable(
  source: DatabaseSync,
  client: pg.Client,
  table: { name: string; columns: readonly string[]; order: string },
): Promise<number> {
  const select = source.prepare(
    `SELECT ${table.columns.join(', ')} FROM ${table.name} ORDER BY ${table.order}`,
  )
  let batch: SQLOutputValue[][] = []
  let count = 0
  const flush = async () => {
    if (batch.length === 0) return
    const width = table.columns.length
    const tuples = batch.map(
      (_, i) => `(${table.columns.map((__, j) => `$${i * width + j + 1}`).join(', ')})`,
    )
    await client.query(
      `INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES ${tuples.join(', ')}`,
      batch.flat().map(toPostgres),
    )
    count += batch.length
    batch = []
  }
  for (const row of select.iterate()) {
    batch.push(table.columns.map((column) => row[column] as SQLOutputValue))
    if (batch.length === BATCH) await flush()
  }
  await flush()
  return count
}

/** SQLite's BLOB comes as a Uint8Array; pg sends a Buffer as bytea. */
function toPostgres(value: SQLOutputValue): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength)
  return value
}

/** "1 board", "2 boards". */
function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}
