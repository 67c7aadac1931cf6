/**
 * The asynchronous board storage (async-board-storage.ts) on Postgres, through a `pg` Pool: what
 * several sync-server instances share. The tables are SQLite's (postgres-migrations.ts), migrated at
 * open.
 *
 * Durable before acknowledged: a write's promise resolves after Postgres answered its COMMIT (the
 * server runs with `synchronous_commit` on, its default), and rejects with a StorageWriteError naming
 * the cause otherwise: the same sentences SQLite's failures give (storage-error.ts), plus
 * "database-unreachable" for a server that refused or dropped the connection. Every failure is
 * recorded in the storage health (storage-health.ts), which the next successful write clears.
 *
 * History seqs, with any number of writers on any number of instances:
 * 1. The append is one statement: it upserts the board's `history_heads` row (`last_seq + 1`) and
 *    inserts the entry under the number it returns. The upsert locks that row until the statement's
 *    implicit transaction commits, so the next writer of the board waits for it, and then reads the
 *    bumped value (ON CONFLICT DO UPDATE works on the newest row version, even in READ COMMITTED).
 * 2. A failed insert rolls the bump back with it, so a seq is never skipped; the `(board_id, seq)`
 *    primary key refuses a duplicate should anything else write there.
 * The other way (`pg_advisory_xact_lock(hashtext(board))`, then `max(seq) + 1`) needs a transaction of
 * three statements; bench/src/pg-append-bench.ts measures both (docs/storage-postgres.md).
 */
import { isMemberChange, type MemberChange } from '@flowmap/shared'
import pg from 'pg'
import type { AsyncBoardStorage, AsyncBoardTransaction } from './async-board-storage.ts'
import type {
  AssetLink,
  BallotRule,
  BoardRecord,
  CheckpointInfo,
  ClientIdClaim,
  CreateBoardResult,
  NamedVersion,
  NewHistoryEntry,
  StoredAsset,
  StoredAssetFile,
  StoredHistoryEntry,
  StoredState,
  StoredTemplate,
  StoredVote,
} from './board-storage.ts'
import { migratePostgres } from './postgres-migrations.ts'
import { StorageWriteError } from './storage-error.ts'
import { type StorageFailure, StorageHealth } from './storage-health.ts'

export interface PostgresStorageOptions {
  /** `postgres://user:password@host:port/database` (DATABASE_URL) */
  url: string
  /**
   * Connections in the pool.
   * @default 10, enough for the appends of many boards at once; each instance has its own pool.
   */
  maxConnections?: number
  /**
   * How long a query waits for a connection before it fails as "unreachable".
   * @default 5000 ms: a Postgres that is down fails writes quickly instead of holding acknowledgements.
   */
  connectTimeoutMs?: number
}

/** What a query runs on: the pool (each statement its own transaction) or one transaction's client. */
interface Queryable {
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>
}

const INT8_OID = 20

/** Every table with rows per board (`board_id`), all removed when a board is purged. */
const BOARD_TABLES = [
  'history',
  'history_heads',
  'checkpoints',
  'named_versions',
  'client_ids',
  'board_members',
  'revoked_tokens',
  'vote_ballots',
  'asset_links',
] as const

const BOARD_COLUMNS = 'id, title, created_at, updated_at, deleted_at'

/** What the storage and its transaction handles share. */
interface Shared {
  pool: pg.Pool
  health: StorageHealth
  closed: boolean
}

/**
 * Opens the pool and applies the migrations; rejects with a sentence when Postgres cannot be reached
 * or a migration fails (the server does not start on a database it cannot use).
 */
export async function openPostgresStorage(options: PostgresStorageOptions): Promise<PostgresBoardStorage> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    // bigint columns hold seqs and ms times, far below 2^53: numbers, not strings.
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === INT8_OID
          ? Number
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  })
  // An idle connection the server dropped (a restart) must not crash the process: the pool discards
  // it, and the next query opens a new one or fails as "unreachable".
  pool.on('error', () => {})
  try {
    const client = await pool.connect()
    try {
      await migratePostgres(client)
    } finally {
      client.release()
    }
  } catch (error) {
    await pool.end().catch(() => {})
    throw new Error(`Postgres storage did not open: ${postgresWriteError('open', error).message}`, {
      cause: error,
    })
  }
  return new PostgresBoardStorage({ pool, health: new StorageHealth(), closed: false })
}

export class PostgresBoardStorage implements AsyncBoardStorage {
  readonly #shared: Shared
  readonly #db: Queryable
  /** A transaction's client, or null for the storage itself (each call its own transaction). */
  readonly #client: pg.PoolClient | null

  /** Use openPostgresStorage: it migrates first. */
  constructor(shared: Shared, client: pg.PoolClient | null = null) {
    this.#shared = shared
    this.#client = client
    this.#db = client ?? shared.pool
  }

  async createBoard(board: { id: string; title: string; now: number }): Promise<CreateBoardResult> {
    const result = await this.#write('board', () =>
      this.#db.query(
        'INSERT INTO boards (id, title, created_at, updated_at) VALUES ($1, $2, $3, $3) ON CONFLICT (id) DO NOTHING',
        [board.id, board.title, board.now],
      ),
    )
    if (result.rowCount === 0) return { ok: false, reason: 'exists' }
    return {
      ok: true,
      board: {
        id: board.id,
        title: board.title,
        createdAt: board.now,
        updatedAt: board.now,
        deletedAt: null,
      },
    }
  }

  async ensureBoard(id: string, now: number): Promise<BoardRecord> {
    // A board that exists needs no write: it still opens (read-only, in effect) while writes fail.
    const existing = await this.getBoard(id)
    if (existing !== undefined) return existing
    return this.#write('board', async () => {
      // DO UPDATE with no change, so RETURNING answers the row another instance may have just made.
      const result = await this.#db.query(
        `INSERT INTO boards (id, title, created_at, updated_at) VALUES ($1, '', $2, $2)
         ON CONFLICT (id) DO UPDATE SET id = excluded.id RETURNING ${BOARD_COLUMNS}`,
        [id, now],
      )
      const row = result.rows[0]
      if (row === undefined) throw new StorageWriteError('board', 'error', `board ${id} was not stored`)
      return toBoard(row)
    })
  }

  async getBoard(id: string): Promise<BoardRecord | undefined> {
    const rows = await this.#read(`SELECT ${BOARD_COLUMNS} FROM boards WHERE id = $1`, [id])
    return rows[0] === undefined ? undefined : toBoard(rows[0])
  }

  async listBoards(): Promise<BoardRecord[]> {
    const rows = await this.#read(
      `SELECT ${BOARD_COLUMNS} FROM boards WHERE deleted_at IS NULL ORDER BY updated_at DESC, id`,
    )
    return rows.map(toBoard)
  }

  async listDeletedBoards(): Promise<BoardRecord[]> {
    const rows = await this.#read(
      `SELECT ${BOARD_COLUMNS} FROM boards WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id`,
    )
    return rows.map(toBoard)
  }

  async setTitle(boardId: string, title: string, now: number): Promise<void> {
    await this.#write('title', () =>
      this.#db.query(
        'UPDATE boards SET title = $1, updated_at = GREATEST(updated_at, $2) WHERE id = $3 AND title <> $1',
        [title, now, boardId],
      ),
    )
  }

  async markBoardDeleted(boardId: string, now: number): Promise<boolean> {
    const result = await this.#write('delete board', () =>
      this.#db.query('UPDATE boards SET deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL', [
        now,
        boardId,
      ]),
    )
    return result.rowCount === 1
  }

  async restoreBoard(boardId: string): Promise<boolean> {
    const result = await this.#write('restore board', () =>
      this.#db.query('UPDATE boards SET deleted_at = NULL WHERE id = $1 AND deleted_at IS NOT NULL', [
        boardId,
      ]),
    )
    return result.rowCount === 1
  }

  async purgeBoardsDeletedBefore(cutoff: number): Promise<string[]> {
    return this.transaction(async (tx) => (tx as PostgresBoardStorage).#purge(cutoff))
  }

  async #purge(cutoff: number): Promise<string[]> {
    const deleted = await this.#db.query(
      'DELETE FROM boards WHERE deleted_at IS NOT NULL AND deleted_at <= $1 RETURNING id',
      [cutoff],
    )
    const ids = deleted.rows.map((row) => String(row.id)).sort()
    if (ids.length === 0) return []
    for (const table of BOARD_TABLES) {
      await this.#db.query(`DELETE FROM ${table} WHERE board_id = ANY($1)`, [ids])
    }
    return ids
  }

  async appendUpdate(entry: NewHistoryEntry): Promise<number> {
    return this.#write('append', async () => {
      // One statement, one implicit transaction: see the header for why the seq is gap-free.
      const result = await this.#db.query(
        `WITH head AS (
           INSERT INTO history_heads (board_id, last_seq) VALUES ($1, 1)
           ON CONFLICT (board_id) DO UPDATE SET last_seq = history_heads.last_seq + 1
           RETURNING last_seq
         )
         INSERT INTO history (board_id, seq, time, user_id, user_name, client_id, update_bytes)
         SELECT $1, last_seq, $2, $3, $4, $5, $6 FROM head
         RETURNING seq`,
        [entry.boardId, entry.time, entry.userId, entry.userName, entry.clientId, entry.update],
      )
      if (result.rows.length !== 1) {
        throw new StorageWriteError(
          'append',
          'error',
          `the insert stored ${result.rows.length} rows, expected 1`,
        )
      }
      return Number(result.rows[0].seq)
    })
  }

  async readHistory(
    boardId: string,
    page: { afterSeq: number; limit: number },
  ): Promise<StoredHistoryEntry[]> {
    const rows = await this.#read(
      `SELECT board_id, seq, time, user_id, user_name, client_id, update_bytes FROM history
       WHERE board_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [boardId, page.afterSeq, page.limit],
    )
    return rows.map(toHistoryEntry)
  }

  async lastSeq(boardId: string): Promise<number> {
    const rows = await this.#read('SELECT COALESCE(MAX(seq), 0) AS seq FROM history WHERE board_id = $1', [
      boardId,
    ])
    return Number(rows[0]?.seq ?? 0)
  }

  async contributorCount(boardId: string): Promise<number> {
    const rows = await this.#read(
      'SELECT COUNT(DISTINCT user_id) AS people FROM history WHERE board_id = $1 AND user_id IS NOT NULL',
      [boardId],
    )
    return Number(rows[0]?.people ?? 0)
  }

  async writeCheckpoint(boardId: string, checkpoint: StoredState & { time: number }): Promise<void> {
    await this.#write('checkpoint', async () => {
      const result = await this.#db.query(
        `INSERT INTO checkpoints (board_id, seq, time, state) VALUES ($1, $2, $3, $4)
         ON CONFLICT (board_id, seq) DO UPDATE SET time = excluded.time, state = excluded.state`,
        [boardId, checkpoint.seq, checkpoint.time, checkpoint.state],
      )
      if (result.rowCount === 0) throw new StorageWriteError('checkpoint', 'error', 'no row was written')
    })
  }

  async latestCheckpoint(boardId: string): Promise<StoredState | undefined> {
    const rows = await this.#read(
      'SELECT seq, state FROM checkpoints WHERE board_id = $1 ORDER BY seq DESC LIMIT 1',
      [boardId],
    )
    return rows[0] === undefined ? undefined : { seq: Number(rows[0].seq), state: bytes(rows[0].state) }
  }

  async checkpointAtOrBefore(
    boardId: string,
    seq: number,
  ): Promise<(StoredState & { time: number }) | undefined> {
    const rows = await this.#read(
      'SELECT seq, time, state FROM checkpoints WHERE board_id = $1 AND seq <= $2 ORDER BY seq DESC LIMIT 1',
      [boardId, seq],
    )
    return rows[0] === undefined ? undefined : toTimedState(rows[0])
  }

  async checkpointAtOrBeforeTime(
    boardId: string,
    time: number,
  ): Promise<(StoredState & { time: number }) | undefined> {
    const rows = await this.#read(
      'SELECT seq, time, state FROM checkpoints WHERE board_id = $1 AND time <= $2 ORDER BY seq DESC LIMIT 1',
      [boardId, time],
    )
    return rows[0] === undefined ? undefined : toTimedState(rows[0])
  }

  async listCheckpoints(boardId: string): Promise<CheckpointInfo[]> {
    const rows = await this.#read('SELECT seq, time FROM checkpoints WHERE board_id = $1 ORDER BY seq', [
      boardId,
    ])
    return rows.map((row) => ({ seq: Number(row.seq), time: Number(row.time) }))
  }

  async writeSnapshot(
    boardId: string,
    snapshot: StoredState & { title: string; time: number },
  ): Promise<void> {
    // Never backwards: a slow writer must not replace a newer snapshot (no row changed is fine).
    await this.#write('snapshot', () =>
      this.#db.query(
        `UPDATE boards SET state = $1, state_seq = $2, title = $3, updated_at = $4
         WHERE id = $5 AND state_seq <= $2`,
        [snapshot.state, snapshot.seq, snapshot.title, snapshot.time, boardId],
      ),
    )
  }

  async readSnapshot(boardId: string): Promise<StoredState | undefined> {
    const rows = await this.#read('SELECT state, state_seq FROM boards WHERE id = $1 AND state IS NOT NULL', [
      boardId,
    ])
    return rows[0] === undefined ? undefined : { seq: Number(rows[0].state_seq), state: bytes(rows[0].state) }
  }

  async addNamedVersion(version: NamedVersion): Promise<void> {
    await this.#write('named version', async () => {
      const result = await this.#db.query(
        'INSERT INTO named_versions (board_id, seq, time, name, user_id, user_name) VALUES ($1, $2, $3, $4, $5, $6)',
        [version.boardId, version.seq, version.time, version.name, version.userId, version.userName],
      )
      if (result.rowCount !== 1) throw new StorageWriteError('named version', 'error', 'no row was written')
    })
  }

  async listNamedVersions(boardId: string): Promise<NamedVersion[]> {
    const rows = await this.#read(
      'SELECT board_id, seq, time, name, user_id, user_name FROM named_versions WHERE board_id = $1 ORDER BY seq, time',
      [boardId],
    )
    return rows.map((row) => ({
      boardId: String(row.board_id),
      seq: Number(row.seq),
      time: Number(row.time),
      name: String(row.name),
      userId: String(row.user_id),
      userName: String(row.user_name),
    }))
  }

  async linkAsset(boardId: string, asset: StoredAsset, now: number): Promise<void> {
    // One statement: the asset row (first upload only) and the board's link (its time refreshed).
    await this.#write('asset', () =>
      this.#db.query(
        `WITH recorded AS (
           INSERT INTO assets (hash, mime_type, size, created_at) VALUES ($2, $3, $4, $5)
           ON CONFLICT (hash) DO NOTHING
         )
         INSERT INTO asset_links (board_id, hash, name, linked_at) VALUES ($1, $2, $6, $7)
         ON CONFLICT (board_id, hash) DO UPDATE SET linked_at = GREATEST(asset_links.linked_at, excluded.linked_at)`,
        [boardId, asset.hash, asset.mimeType, asset.size, asset.createdAt, asset.name, now],
      ),
    )
  }

  async linkedAsset(boardId: string, hash: string): Promise<StoredAsset | undefined> {
    const rows = await this.#read(
      `SELECT a.hash, a.mime_type, a.size, a.created_at, l.name FROM asset_links l
       JOIN assets a ON a.hash = l.hash WHERE l.board_id = $1 AND l.hash = $2`,
      [boardId, hash],
    )
    const row = rows[0]
    if (row === undefined) return undefined
    return {
      hash: String(row.hash),
      mimeType: String(row.mime_type),
      size: Number(row.size),
      createdAt: Number(row.created_at),
      name: String(row.name),
    }
  }

  async boardsWithAssets(): Promise<string[]> {
    const rows = await this.#read(
      `SELECT b.id FROM boards b WHERE b.deleted_at IS NULL
       AND EXISTS (SELECT 1 FROM asset_links l WHERE l.board_id = b.id) ORDER BY b.id`,
    )
    return rows.map((row) => String(row.id))
  }

  async assetLinks(boardId: string): Promise<AssetLink[]> {
    const rows = await this.#read(
      `SELECT l.hash, a.size, l.linked_at FROM asset_links l JOIN assets a ON a.hash = l.hash
       WHERE l.board_id = $1 ORDER BY l.linked_at, l.hash`,
      [boardId],
    )
    return rows.map((row) => ({
      hash: String(row.hash),
      size: Number(row.size),
      linkedAt: Number(row.linked_at),
    }))
  }

  async unlinkAsset(boardId: string, hash: string, linkedUntil: number): Promise<boolean> {
    const result = await this.#write('unlink asset', () =>
      this.#db.query('DELETE FROM asset_links WHERE board_id = $1 AND hash = $2 AND linked_at <= $3', [
        boardId,
        hash,
        linkedUntil,
      ]),
    )
    return result.rowCount === 1
  }

  async assetLinkCount(hash: string): Promise<number> {
    const rows = await this.#read('SELECT COUNT(*) AS links FROM asset_links WHERE hash = $1', [hash])
    return Number(rows[0]?.links ?? 0)
  }

  async unlinkedAssets(): Promise<StoredAssetFile[]> {
    const rows = await this.#read(
      `SELECT a.hash, a.size FROM assets a
       WHERE NOT EXISTS (SELECT 1 FROM asset_links l WHERE l.hash = a.hash) ORDER BY a.hash`,
    )
    return rows.map((row) => ({ hash: String(row.hash), size: Number(row.size) }))
  }

  async forgetUnlinkedAsset(hash: string): Promise<boolean> {
    const result = await this.#write('forget asset', () =>
      this.#db.query(
        'DELETE FROM assets WHERE hash = $1 AND NOT EXISTS (SELECT 1 FROM asset_links l WHERE l.hash = $1)',
        [hash],
      ),
    )
    return result.rowCount === 1
  }

  async isAssetRecorded(hash: string): Promise<boolean> {
    return (await this.#read('SELECT 1 FROM assets WHERE hash = $1', [hash])).length > 0
  }

  async addTemplate(template: StoredTemplate): Promise<void> {
    const content = JSON.stringify({ roles: template.roles, records: template.records })
    await this.#write('template', async () => {
      const result = await this.#db.query(
        `INSERT INTO board_templates (id, name, description, board_id, created_at, created_by, content)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          template.id,
          template.name,
          template.description,
          template.boardId,
          template.createdAt,
          template.createdBy,
          content,
        ],
      )
      if (result.rowCount !== 1) throw new StorageWriteError('template', 'error', 'no row was written')
    })
  }

  async listTemplates(): Promise<StoredTemplate[]> {
    const rows = await this.#read(
      `SELECT id, name, description, board_id, created_at, created_by, content FROM board_templates
       ORDER BY created_at DESC, position DESC`,
    )
    return rows.map((row) => {
      // Written by addTemplate from validated records and roles: trusted inside the server.
      const content = JSON.parse(String(row.content)) as Pick<StoredTemplate, 'roles' | 'records'>
      return {
        id: String(row.id),
        name: String(row.name),
        description: String(row.description),
        boardId: String(row.board_id),
        createdAt: Number(row.created_at),
        createdBy: String(row.created_by),
        roles: content.roles,
        records: content.records,
      }
    })
  }

  /**
   * false while a write failure stands (the next successful write clears it, as with SQLite), when
   * closed, or when Postgres does not answer a `SELECT 1` now (down, unreachable, refusing).
   */
  async isAvailable(): Promise<boolean> {
    if (this.#shared.closed || !(await this.#answers())) return false
    return (await this.writeFailure()) === null
  }

  /**
   * Why writes are failing. A database that was unreachable and answers again is not named: its
   * failure is cleared by the answer (a health check after an outage must not wait for the next edit).
   */
  async writeFailure(): Promise<StorageFailure | null> {
    const failure = this.#shared.health.failure()
    if (failure?.cause === 'database-unreachable' && !this.#shared.closed && (await this.#answers())) {
      this.#shared.health.clearCause('database-unreachable')
      return this.#shared.health.failure()
    }
    return failure
  }

  /** Postgres answers a `SELECT 1` now. */
  async #answers(): Promise<boolean> {
    try {
      await this.#db.query('SELECT 1')
      return true
    } catch {
      return false
    }
  }

  async close(): Promise<void> {
    if (this.#shared.closed) return
    this.#shared.closed = true
    await this.#shared.pool.end()
  }

  async readClientIds(boardId: string): Promise<ClientIdClaim[]> {
    const rows = await this.#read('SELECT client_id, owner, first_seen FROM client_ids WHERE board_id = $1', [
      boardId,
    ])
    return rows.map((row) => ({
      clientId: Number(row.client_id),
      owner: row.owner === null ? null : String(row.owner),
      firstSeen: Number(row.first_seen),
    }))
  }

  async claimClientIds(boardId: string, claims: readonly ClientIdClaim[]): Promise<void> {
    if (claims.length === 0) return
    // DO NOTHING: a claim never moves an ID from its first writer.
    await this.#write('client ids', () =>
      this.#db.query(
        `INSERT INTO client_ids (board_id, client_id, owner, first_seen)
         SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::bigint[])
         ON CONFLICT (board_id, client_id) DO NOTHING`,
        [
          boardId,
          claims.map((claim) => claim.clientId),
          claims.map((claim) => claim.owner),
          claims.map((claim) => claim.firstSeen),
        ],
      ),
    )
  }

  async setMemberChange(boardId: string, userId: string, change: MemberChange, now: number): Promise<void> {
    await this.#write('member change', () =>
      this.#db.query(
        `INSERT INTO board_members (board_id, user_id, change, changed_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (board_id, user_id) DO UPDATE SET change = excluded.change, changed_at = excluded.changed_at`,
        [boardId, userId, change, now],
      ),
    )
  }

  async memberChange(boardId: string, userId: string): Promise<MemberChange | undefined> {
    const rows = await this.#read('SELECT change FROM board_members WHERE board_id = $1 AND user_id = $2', [
      boardId,
      userId,
    ])
    // A value this build does not know (a newer server wrote it) is no change rather than a guess.
    const change = rows[0]?.change
    return isMemberChange(change) ? change : undefined
  }

  async revokeToken(boardId: string, tokenId: string, now: number): Promise<void> {
    await this.#write('revoke token', () =>
      this.#db.query(
        `INSERT INTO revoked_tokens (board_id, token_id, revoked_at) VALUES ($1, $2, $3)
         ON CONFLICT (board_id, token_id) DO NOTHING`,
        [boardId, tokenId, now],
      ),
    )
  }

  async isTokenRevoked(boardId: string, tokenId: string): Promise<boolean> {
    const rows = await this.#read('SELECT 1 FROM revoked_tokens WHERE board_id = $1 AND token_id = $2', [
      boardId,
      tokenId,
    ])
    return rows.length > 0
  }

  async castVote(vote: StoredVote, rule: BallotRule): Promise<boolean> {
    return this.transaction(async (tx) => (tx as PostgresBoardStorage).#castVoteLocked(vote, rule))
  }

  /**
   * Inside a transaction: the person's lock on this vote first, held to the commit, so that another
   * instance casting for the same person waits and then counts this vote. (Read committed alone would
   * let both count the same rows before either inserts.) The insert's own snapshot is taken after the
   * lock, so it sees every vote committed before it.
   */
  async #castVoteLocked(vote: StoredVote, rule: BallotRule): Promise<boolean> {
    return this.#write('vote', async () => {
      await this.#db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        JSON.stringify(['vote', vote.boardId, vote.voteId, vote.userId]),
      ])
      const result = await this.#db.query(
        `INSERT INTO vote_ballots (board_id, vote_id, user_id, shape_id, cast_at)
         SELECT $1, $2, $3, $4, $5
         WHERE (SELECT COUNT(*) FROM vote_ballots WHERE board_id = $1 AND vote_id = $2 AND user_id = $3) < $6
           AND NOT ($7 AND EXISTS (SELECT 1 FROM vote_ballots
             WHERE board_id = $1 AND vote_id = $2 AND user_id = $3 AND shape_id = $4))`,
        [
          vote.boardId,
          vote.voteId,
          vote.userId,
          vote.shapeId,
          vote.castAt,
          rule.votesPerPerson,
          rule.onePerShape,
        ],
      )
      return result.rowCount === 1
    })
  }

  async withdrawVote(vote: Omit<StoredVote, 'castAt'>): Promise<boolean> {
    const result = await this.#write('vote', () =>
      this.#db.query(
        `DELETE FROM vote_ballots WHERE id = (SELECT MAX(id) FROM vote_ballots
           WHERE board_id = $1 AND vote_id = $2 AND user_id = $3 AND shape_id = $4)`,
        [vote.boardId, vote.voteId, vote.userId, vote.shapeId],
      ),
    )
    return result.rowCount === 1
  }

  async readVotes(boardId: string, voteId: string): Promise<StoredVote[]> {
    const rows = await this.#read(
      'SELECT user_id, shape_id, cast_at FROM vote_ballots WHERE board_id = $1 AND vote_id = $2 ORDER BY id',
      [boardId, voteId],
    )
    return rows.map((row) => ({
      boardId,
      voteId,
      userId: String(row.user_id),
      shapeId: String(row.shape_id),
      castAt: Number(row.cast_at),
    }))
  }

  async transaction<T>(work: (tx: AsyncBoardTransaction) => Promise<T>): Promise<T> {
    // Inside a transaction already: join it.
    if (this.#client !== null) return work(this)
    // BEGIN and COMMIT are recorded as the append's, as SQLite's `atomically` is: the commit is what
    // acknowledgements wait for. The work's own error is rethrown as it is (a write inside that failed
    // was recorded when it failed).
    const client = await this.#write('append', () => this.#shared.pool.connect())
    let broken: Error | undefined
    try {
      await this.#write('append', () => client.query('BEGIN'))
      let result: T
      try {
        result = await work(new PostgresBoardStorage(this.#shared, client))
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError))
        })
        throw error
      }
      await this.#write('append', () => client.query('COMMIT'))
      return result
    } catch (error) {
      if (
        broken === undefined &&
        isConnectionError(error instanceof StorageWriteError ? error.cause : error)
      ) {
        broken = error instanceof Error ? error : new Error(String(error))
      }
      throw error
    } finally {
      // A connection that failed is destroyed rather than handed to the next query.
      client.release(broken)
    }
  }

  /**
   * Runs one write and records the outcome in the health. Inside a transaction nothing is recorded as
   * stored until the commit (`transaction` records that), but a failure is, as it happens.
   */
  async #write<T>(operation: string, write: () => Promise<T>): Promise<T> {
    if (this.#shared.closed) {
      throw new StorageWriteError(operation, 'closed', 'the database is closed')
    }
    try {
      const result = await write()
      if (this.#client === null) this.#shared.health.recordSuccess(operation)
      return result
    } catch (error) {
      const failure = postgresWriteError(operation, error)
      this.#shared.health.recordFailure(failure)
      throw failure
    }
  }

  /** Runs one read; a failure rejects with the same sentence a write's would (not recorded: nothing was refused). */
  async #read(sql: string, values?: unknown[]): Promise<Record<string, unknown>[]> {
    if (this.#shared.closed) throw new StorageWriteError('read', 'closed', 'the database is closed')
    try {
      return (await this.#db.query(sql, values)).rows
    } catch (error) {
      throw postgresWriteError('read', error)
    }
  }
}

/** SQLSTATEs (Postgres "Appendix A. Error Codes") that have a SQLite counterpart in storage-error.ts. */
const SQLSTATE_FAILURES: Record<string, { failure: StorageWriteError['failure']; words: string }> = {
  '53100': { failure: 'disk-full', words: 'the disk holding the database is full' },
  '25006': { failure: 'read-only', words: 'the database is read-only' },
  '58030': { failure: 'io-error', words: 'the disk failed the write' },
  XX001: { failure: 'corrupt', words: 'the database file is damaged' },
  XX002: { failure: 'corrupt', words: 'the database file is damaged' },
}

/** Node's socket errors and pg's own messages for a connection that is not there (any more). */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
])
const UNREACHABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i

function isConnectionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const code = String((error as { code?: unknown }).code ?? '')
  const message = error instanceof Error ? error.message : ''
  // Class 08: connection exceptions; 57P01-57P03: the server is shutting down or starting up.
  return (
    UNREACHABLE_CODES.has(code) ||
    code.startsWith('08') ||
    /^57P0[123]$/.test(code) ||
    UNREACHABLE_MESSAGE.test(message)
  )
}

/** Turns whatever a query threw into a StorageWriteError naming the cause, in SQLite's words where it has them. */
export function postgresWriteError(operation: string, error: unknown): StorageWriteError {
  if (error instanceof StorageWriteError) return error
  const message = error instanceof Error ? error.message || String(error) : String(error)
  const code =
    typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : ''
  const known = SQLSTATE_FAILURES[code]
  if (known !== undefined) {
    return new StorageWriteError(operation, known.failure, `${known.words} (${message})`, error)
  }
  if (isConnectionError(error)) {
    return new StorageWriteError(
      operation,
      'database-unreachable',
      `the database server cannot be reached (${message})`,
      error,
    )
  }
  if (/after calling end on the pool/i.test(message)) {
    return new StorageWriteError(operation, 'closed', 'the database is closed', error)
  }
  return new StorageWriteError(operation, 'error', message, error)
}

function bytes(value: unknown): Uint8Array {
  // pg answers bytea as a Buffer; a plain Uint8Array (a copy), as SQLite answers.
  return new Uint8Array(value as Uint8Array)
}

function toTimedState(row: Record<string, unknown>): StoredState & { time: number } {
  return { seq: Number(row.seq), time: Number(row.time), state: bytes(row.state) }
}

function toBoard(row: Record<string, unknown>): BoardRecord {
  return {
    id: String(row.id),
    title: String(row.title),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    deletedAt: row.deleted_at === null || row.deleted_at === undefined ? null : Number(row.deleted_at),
  }
}

function toHistoryEntry(row: Record<string, unknown>): StoredHistoryEntry {
  return {
    boardId: String(row.board_id),
    seq: Number(row.seq),
    time: Number(row.time),
    userId: row.user_id === null ? null : String(row.user_id),
    userName: row.user_name === null ? null : String(row.user_name),
    clientId: row.client_id === null ? null : Number(row.client_id),
    update: bytes(row.update_bytes),
  }
}
