/**
 * BoardStorage on Node's built-in SQLite (`node:sqlite` DatabaseSync): nothing to compile or download
 * on a fresh machine. WAL mode, so the synchronous append on the update path does not block readers
 * (HTTP history, export) and a commit is one sequential write.
 *
 * Durable before acknowledged: every write checks that it really committed (node:sqlite's `.get()` on
 * an `INSERT … RETURNING` hands back the row even when the commit then fails, e.g. on a full disk, so
 * writes step their statements to the end) and that the database file is still the one opened
 * (database-file-identity.ts). A failed write throws a StorageWriteError naming the cause and is
 * recorded in the storage health (storage-health.ts), which the next successful write clears.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite'
import { isMemberChange, type MemberChange } from '@flowmap/shared'
import type {
  AssetLink,
  BallotRule,
  BoardRecord,
  BoardStorage,
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
import { DatabaseFileIdentity } from './database-file-identity.ts'
import { acquireDatabaseLock } from './database-lock.ts'
import { checkMarkerBeforeOpen, reconcileMarker } from './database-marker.ts'
import { migrateSqlite } from './sqlite-migrations.ts'
import { StorageWriteError, storageWriteError } from './storage-error.ts'
import { type StorageFailure, StorageHealth } from './storage-health.ts'

export interface SqliteStorageOptions {
  /** A file path, or null for an in-memory database. */
  path: string | null
  /** See ServerConfig.sqliteSynchronous. */
  synchronous: 'normal' | 'full'
  /** See ServerConfig.sqliteMaxPages; null keeps SQLite's own limit. */
  maxPages?: number | null
}

const SCHEMA = `
-- facts about the database itself: 'database_id' (mirrored in the marker file, database-marker.ts)
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  -- the debounced snapshot and the last history seq it includes
  state BLOB,
  state_seq INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS history (
  board_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  time INTEGER NOT NULL,
  user_id TEXT,
  user_name TEXT,
  client_id INTEGER,
  update_bytes BLOB NOT NULL,
  PRIMARY KEY (board_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS checkpoints (
  board_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  time INTEGER NOT NULL,
  state BLOB NOT NULL,
  PRIMARY KEY (board_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS named_versions (
  board_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  time INTEGER NOT NULL,
  name TEXT NOT NULL,
  user_id TEXT NOT NULL,
  user_name TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS named_versions_by_board ON named_versions (board_id, seq);
CREATE TABLE IF NOT EXISTS client_ids (
  board_id TEXT NOT NULL,
  client_id INTEGER NOT NULL,
  -- the token subject of the first writer; NULL for the server itself
  owner TEXT,
  first_seen INTEGER NOT NULL,
  PRIMARY KEY (board_id, client_id)
) WITHOUT ROWID;
`

type Row = Record<string, SQLInputValue>

const BOARD_COLUMNS = 'id, title, created_at, updated_at, deleted_at'

/** Every table with rows per board (`board_id`), all removed when a board is purged. */
const BOARD_TABLES = [
  'history',
  'checkpoints',
  'named_versions',
  'client_ids',
  'board_members',
  'revoked_tokens',
  'vote_ballots',
  'asset_links',
] as const

export class SqliteStorage implements BoardStorage {
  readonly #db: DatabaseSync
  readonly #statements = new Map<string, StatementSync>()
  #closed = false
  readonly #health = new StorageHealth()
  /** null for an in-memory database, which has no file to lose. */
  readonly #identity: DatabaseFileIdentity | null = null
  /** Gives back the database's lock (database-lock.ts); nothing to give back in memory. */
  readonly #releaseLock: () => void = () => {}

  constructor(options: SqliteStorageOptions) {
    if (options.path !== null) {
      mkdirSync(dirname(options.path), { recursive: true })
      this.#releaseLock = acquireDatabaseLock(options.path)
      try {
        checkMarkerBeforeOpen(options.path)
      } catch (error) {
        this.#releaseLock()
        throw error
      }
    }
    this.#db = new DatabaseSync(options.path ?? ':memory:')
    this.#db.exec('PRAGMA journal_mode = WAL')
    this.#db.exec(`PRAGMA synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`)
    this.#db.exec('PRAGMA busy_timeout = 5000')
    if (options.maxPages != null) this.#db.exec(`PRAGMA max_page_count = ${Math.trunc(options.maxPages)}`)
    this.#db.exec(SCHEMA)
    migrateSqlite(this.#db)
    if (options.path !== null) {
      this.#identity = new DatabaseFileIdentity(options.path)
      try {
        const stored = this.#db.prepare("SELECT value FROM meta WHERE key = 'database_id'").get()
        reconcileMarker(options.path, stored === undefined ? null : String(stored.value), (id) => {
          this.#db.prepare("INSERT INTO meta (key, value) VALUES ('database_id', ?)").run(id)
        })
      } catch (error) {
        this.#db.close()
        this.#releaseLock()
        throw error
      }
    }
  }

  createBoard(board: { id: string; title: string; now: number }): CreateBoardResult {
    const result = this.#write('board', () =>
      this.#statement(
        'INSERT OR IGNORE INTO boards (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)',
      ).run(board.id, board.title, board.now, board.now),
    )
    if (result.changes === 0) return { ok: false, reason: 'exists' }
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

  ensureBoard(id: string, now: number): BoardRecord {
    // A board that exists needs no write: it still opens (read-only, in effect) while storage fails.
    const existing = this.getBoard(id)
    if (existing !== undefined) return existing
    return this.#write('board', () => {
      this.#statement(
        'INSERT OR IGNORE INTO boards (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)',
      ).run(id, '', now, now)
      const board = this.getBoard(id)
      if (board === undefined) throw new StorageWriteError('board', 'error', `board ${id} was not stored`)
      return board
    })
  }

  getBoard(id: string): BoardRecord | undefined {
    const row = this.#statement(`SELECT ${BOARD_COLUMNS} FROM boards WHERE id = ?`).get(id)
    return row === undefined ? undefined : toBoard(row)
  }

  listBoards(): BoardRecord[] {
    return this.#statement(
      `SELECT ${BOARD_COLUMNS} FROM boards WHERE deleted_at IS NULL ORDER BY updated_at DESC, id`,
    )
      .all()
      .map(toBoard)
  }

  listDeletedBoards(): BoardRecord[] {
    return this.#statement(
      `SELECT ${BOARD_COLUMNS} FROM boards WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id`,
    )
      .all()
      .map(toBoard)
  }

  setTitle(boardId: string, title: string, now: number): void {
    this.#write('title', () =>
      this.#statement(
        'UPDATE boards SET title = ?, updated_at = MAX(updated_at, ?) WHERE id = ? AND title <> ?',
      ).run(title, now, boardId, title),
    )
  }

  markBoardDeleted(boardId: string, now: number): boolean {
    const result = this.#write('delete board', () =>
      this.#statement('UPDATE boards SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(
        now,
        boardId,
      ),
    )
    return result.changes === 1
  }

  restoreBoard(boardId: string): boolean {
    const result = this.#write('restore board', () =>
      this.#statement('UPDATE boards SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL').run(
        boardId,
      ),
    )
    return result.changes === 1
  }

  purgeBoardsDeletedBefore(cutoff: number): string[] {
    const ids = this.#statement('SELECT id FROM boards WHERE deleted_at IS NOT NULL AND deleted_at <= ?')
      .all(cutoff)
      .map((row) => String(row.id))
    if (ids.length === 0) return []
    this.atomically(() => {
      for (const id of ids) {
        for (const table of BOARD_TABLES) {
          this.#statement(`DELETE FROM ${table} WHERE board_id = ?`).run(id)
        }
        this.#statement('DELETE FROM boards WHERE id = ? AND deleted_at IS NOT NULL').run(id)
      }
    })
    return ids
  }

  appendUpdate(entry: NewHistoryEntry): number {
    return this.#write('append', () => {
      // The seq is computed inside the INSERT so two writers can never hand out the same number.
      // `.all()`, not `.get()`: the commit happens when the statement runs to its end, and only stepping
      // it there reports a failed commit; `.get()` returns the row and drops that error.
      const rows = this.#statement(
        `INSERT INTO history (board_id, seq, time, user_id, user_name, client_id, update_bytes)
         VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM history WHERE board_id = ?), ?, ?, ?, ?, ?)
         RETURNING seq`,
      ).all(
        entry.boardId,
        entry.boardId,
        entry.time,
        entry.userId,
        entry.userName,
        entry.clientId,
        entry.update,
      )
      if (rows.length !== 1) {
        throw new StorageWriteError('append', 'error', `the insert stored ${rows.length} rows, expected 1`)
      }
      return Number(rows[0]!.seq)
    })
  }

  readHistory(boardId: string, page: { afterSeq: number; limit: number }): StoredHistoryEntry[] {
    return this.#statement(
      `SELECT board_id, seq, time, user_id, user_name, client_id, update_bytes FROM history
       WHERE board_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    )
      .all(boardId, page.afterSeq, page.limit)
      .map(toHistoryEntry)
  }

  lastSeq(boardId: string): number {
    const row = this.#statement('SELECT COALESCE(MAX(seq), 0) AS seq FROM history WHERE board_id = ?').get(
      boardId,
    )
    return Number((row as Row).seq)
  }

  contributorCount(boardId: string): number {
    const row = this.#statement(
      'SELECT COUNT(DISTINCT user_id) AS people FROM history WHERE board_id = ? AND user_id IS NOT NULL',
    ).get(boardId)
    return Number((row as Row).people)
  }

  writeCheckpoint(boardId: string, checkpoint: StoredState & { time: number }): void {
    this.#write('checkpoint', () => {
      const result = this.#statement(
        'INSERT OR REPLACE INTO checkpoints (board_id, seq, time, state) VALUES (?, ?, ?, ?)',
      ).run(boardId, checkpoint.seq, checkpoint.time, checkpoint.state)
      if (result.changes === 0) throw new StorageWriteError('checkpoint', 'error', 'no row was written')
    })
  }

  latestCheckpoint(boardId: string): StoredState | undefined {
    const row = this.#statement(
      'SELECT seq, state FROM checkpoints WHERE board_id = ? ORDER BY seq DESC LIMIT 1',
    ).get(boardId)
    return row === undefined ? undefined : { seq: Number(row.seq), state: row.state as Uint8Array }
  }

  checkpointAtOrBefore(boardId: string, seq: number): (StoredState & { time: number }) | undefined {
    const row = this.#statement(
      'SELECT seq, time, state FROM checkpoints WHERE board_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1',
    ).get(boardId, seq)
    return row === undefined
      ? undefined
      : { seq: Number(row.seq), time: Number(row.time), state: row.state as Uint8Array }
  }

  listCheckpoints(boardId: string): CheckpointInfo[] {
    return this.#statement('SELECT seq, time FROM checkpoints WHERE board_id = ? ORDER BY seq')
      .all(boardId)
      .map((row) => ({ seq: Number(row.seq), time: Number(row.time) }))
  }

  writeSnapshot(boardId: string, snapshot: StoredState & { title: string; time: number }): void {
    // Never move the snapshot backwards: a slow writer must not replace a newer snapshot (so no row
    // changed is a valid outcome; a failed commit still throws).
    this.#write('snapshot', () =>
      this.#statement(
        `UPDATE boards SET state = ?, state_seq = ?, title = ?, updated_at = ?
         WHERE id = ? AND state_seq <= ?`,
      ).run(snapshot.state, snapshot.seq, snapshot.title, snapshot.time, boardId, snapshot.seq),
    )
  }

  readSnapshot(boardId: string): StoredState | undefined {
    const row = this.#statement('SELECT state, state_seq FROM boards WHERE id = ? AND state IS NOT NULL').get(
      boardId,
    )
    return row === undefined ? undefined : { seq: Number(row.state_seq), state: row.state as Uint8Array }
  }

  addNamedVersion(version: NamedVersion): void {
    this.#write('named version', () => {
      const result = this.#statement(
        'INSERT INTO named_versions (board_id, seq, time, name, user_id, user_name) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(version.boardId, version.seq, version.time, version.name, version.userId, version.userName)
      if (result.changes !== 1) throw new StorageWriteError('named version', 'error', 'no row was written')
    })
  }

  listNamedVersions(boardId: string): NamedVersion[] {
    return this.#statement(
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
      }))
  }

  linkAsset(boardId: string, asset: StoredAsset, now: number): void {
    this.#write('asset', () => {
      this.atomically(() => {
        this.#statement(
          'INSERT OR IGNORE INTO assets (hash, mime_type, size, created_at) VALUES (?, ?, ?, ?)',
        ).run(asset.hash, asset.mimeType, asset.size, asset.createdAt)
        this.#statement(
          `INSERT INTO asset_links (board_id, hash, name, linked_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (board_id, hash) DO UPDATE SET linked_at = MAX(linked_at, excluded.linked_at)`,
        ).run(boardId, asset.hash, asset.name, now)
      })
    })
  }

  linkedAsset(boardId: string, hash: string): StoredAsset | undefined {
    const row = this.#statement(
      `SELECT a.hash, a.mime_type, a.size, a.created_at, l.name FROM asset_links l
       JOIN assets a ON a.hash = l.hash WHERE l.board_id = ? AND l.hash = ?`,
    ).get(boardId, hash)
    if (row === undefined) return undefined
    return {
      hash: String(row.hash),
      mimeType: String(row.mime_type),
      size: Number(row.size),
      createdAt: Number(row.created_at),
      name: String(row.name),
    }
  }

  boardsWithAssets(): string[] {
    return this.#statement(
      `SELECT b.id FROM boards b WHERE b.deleted_at IS NULL
       AND EXISTS (SELECT 1 FROM asset_links l WHERE l.board_id = b.id) ORDER BY b.id`,
    )
      .all()
      .map((row) => String(row.id))
  }

  assetLinks(boardId: string): AssetLink[] {
    return this.#statement(
      `SELECT l.hash, a.size, l.linked_at FROM asset_links l JOIN assets a ON a.hash = l.hash
       WHERE l.board_id = ? ORDER BY l.linked_at, l.hash`,
    )
      .all(boardId)
      .map((row) => ({ hash: String(row.hash), size: Number(row.size), linkedAt: Number(row.linked_at) }))
  }

  unlinkAsset(boardId: string, hash: string, linkedUntil: number): boolean {
    const result = this.#write('unlink asset', () =>
      this.#statement('DELETE FROM asset_links WHERE board_id = ? AND hash = ? AND linked_at <= ?').run(
        boardId,
        hash,
        linkedUntil,
      ),
    )
    return result.changes === 1
  }

  assetLinkCount(hash: string): number {
    const row = this.#statement('SELECT COUNT(*) AS links FROM asset_links WHERE hash = ?').get(hash)
    return Number((row as Row).links)
  }

  unlinkedAssets(): StoredAssetFile[] {
    return this.#statement(
      `SELECT a.hash, a.size FROM assets a
       WHERE NOT EXISTS (SELECT 1 FROM asset_links l WHERE l.hash = a.hash) ORDER BY a.hash`,
    )
      .all()
      .map((row) => ({ hash: String(row.hash), size: Number(row.size) }))
  }

  forgetUnlinkedAsset(hash: string): boolean {
    const result = this.#write('forget asset', () =>
      this.#statement(
        'DELETE FROM assets WHERE hash = ? AND NOT EXISTS (SELECT 1 FROM asset_links l WHERE l.hash = ?)',
      ).run(hash, hash),
    )
    return result.changes === 1
  }

  isAssetRecorded(hash: string): boolean {
    return this.#statement('SELECT 1 FROM assets WHERE hash = ?').get(hash) !== undefined
  }

  checkpointAtOrBeforeTime(boardId: string, time: number): (StoredState & { time: number }) | undefined {
    const row = this.#statement(
      'SELECT seq, time, state FROM checkpoints WHERE board_id = ? AND time <= ? ORDER BY seq DESC LIMIT 1',
    ).get(boardId, time)
    return row === undefined
      ? undefined
      : { seq: Number(row.seq), time: Number(row.time), state: row.state as Uint8Array }
  }

  addTemplate(template: StoredTemplate): void {
    const content = JSON.stringify({ roles: template.roles, records: template.records })
    this.#write('template', () => {
      const result = this.#statement(
        'INSERT INTO board_templates (id, name, description, board_id, created_at, created_by, content) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(
        template.id,
        template.name,
        template.description,
        template.boardId,
        template.createdAt,
        template.createdBy,
        content,
      )
      if (result.changes !== 1) throw new StorageWriteError('template', 'error', 'no row was written')
    })
  }

  listTemplates(): StoredTemplate[] {
    return this.#statement(
      'SELECT id, name, description, board_id, created_at, created_by, content FROM board_templates ORDER BY created_at DESC, rowid DESC',
    )
      .all()
      .map((row) => {
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

  isAvailable(): boolean {
    if (this.#closed || this.writeFailure() !== null) return false
    try {
      this.#statement('SELECT 1').get()
      return true
    } catch {
      return false
    }
  }

  writeFailure(): StorageFailure | null {
    const moved = this.#closed ? null : this.#identity?.problem('writes')
    if (moved) this.#health.recordFailure(moved)
    return this.#health.failure()
  }

  close(): void {
    if (this.#closed) return
    this.#closed = true
    this.#db.close()
    this.#releaseLock()
  }

  /**
   * Runs one write: refused outright when the database file is no longer the one opened (writing on
   * would store into an unreachable inode), recorded in the health either way.
   */
  #write<T>(operation: string, write: () => T, commits?: boolean): T {
    try {
      // Only a commit makes a write durable, so only a commit is checked (one stat per transaction, not
      // one per statement in it): a write inside a transaction that cannot commit is never acknowledged.
      // (Inside the try: a closed database throws on `isTransaction`, and that is a write failure too.)
      const moved = (commits ?? !this.#db.isTransaction) ? this.#identity?.problem(operation) : null
      if (moved) throw moved
      const result = write()
      this.#health.recordSuccess(operation)
      return result
    } catch (error) {
      const failure = storageWriteError(operation, error)
      this.#health.recordFailure(failure)
      throw failure
    }
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql)
    if (statement === undefined) {
      statement = this.#db.prepare(sql)
      this.#statements.set(sql, statement)
    }
    return statement
  }

  readClientIds(boardId: string): ClientIdClaim[] {
    return this.#statement('SELECT client_id, owner, first_seen FROM client_ids WHERE board_id = ?')
      .all(boardId)
      .map((row) => ({
        clientId: Number(row.client_id),
        owner: row.owner === null ? null : String(row.owner),
        firstSeen: Number(row.first_seen),
      }))
  }

  claimClientIds(boardId: string, claims: readonly ClientIdClaim[]): void {
    // OR IGNORE: a claim never moves an ID from its first writer.
    const insert = this.#statement(
      'INSERT OR IGNORE INTO client_ids (board_id, client_id, owner, first_seen) VALUES (?, ?, ?, ?)',
    )
    for (const claim of claims) insert.run(boardId, claim.clientId, claim.owner, claim.firstSeen)
  }

  setMemberChange(boardId: string, userId: string, change: MemberChange, now: number): void {
    this.#write('member change', () =>
      this.#statement(
        'INSERT OR REPLACE INTO board_members (board_id, user_id, change, changed_at) VALUES (?, ?, ?, ?)',
      ).run(boardId, userId, change, now),
    )
  }

  memberChange(boardId: string, userId: string): MemberChange | undefined {
    const row = this.#statement('SELECT change FROM board_members WHERE board_id = ? AND user_id = ?').get(
      boardId,
      userId,
    )
    // A value this build does not know (a newer server wrote it) is no change rather than a guess.
    return row !== undefined && isMemberChange(row.change) ? row.change : undefined
  }

  revokeToken(boardId: string, tokenId: string, now: number): void {
    this.#write('revoke token', () =>
      this.#statement(
        'INSERT OR IGNORE INTO revoked_tokens (board_id, token_id, revoked_at) VALUES (?, ?, ?)',
      ).run(boardId, tokenId, now),
    )
  }

  isTokenRevoked(boardId: string, tokenId: string): boolean {
    return (
      this.#statement('SELECT 1 FROM revoked_tokens WHERE board_id = ? AND token_id = ?').get(
        boardId,
        tokenId,
      ) !== undefined
    )
  }

  castVote(vote: StoredVote, rule: BallotRule): boolean {
    // One statement: SQLite runs one writer at a time, so the count it reads is the count it inserts after.
    const result = this.#write('vote', () =>
      this.#statement(
        `INSERT INTO vote_ballots (board_id, vote_id, user_id, shape_id, cast_at)
         SELECT ?, ?, ?, ?, ?
         WHERE (SELECT COUNT(*) FROM vote_ballots WHERE board_id = ? AND vote_id = ? AND user_id = ?) < ?
           AND NOT (? AND EXISTS (SELECT 1 FROM vote_ballots
             WHERE board_id = ? AND vote_id = ? AND user_id = ? AND shape_id = ?))`,
      ).run(
        vote.boardId,
        vote.voteId,
        vote.userId,
        vote.shapeId,
        vote.castAt,
        vote.boardId,
        vote.voteId,
        vote.userId,
        rule.votesPerPerson,
        rule.onePerShape ? 1 : 0,
        vote.boardId,
        vote.voteId,
        vote.userId,
        vote.shapeId,
      ),
    )
    return result.changes === 1
  }

  withdrawVote(vote: Omit<StoredVote, 'castAt'>): boolean {
    const result = this.#write('vote', () =>
      this.#statement(
        `DELETE FROM vote_ballots WHERE id = (SELECT MAX(id) FROM vote_ballots
           WHERE board_id = ? AND vote_id = ? AND user_id = ? AND shape_id = ?)`,
      ).run(vote.boardId, vote.voteId, vote.userId, vote.shapeId),
    )
    return result.changes === 1
  }

  readVotes(boardId: string, voteId: string): StoredVote[] {
    return this.#statement(
      'SELECT user_id, shape_id, cast_at FROM vote_ballots WHERE board_id = ? AND vote_id = ? ORDER BY id',
    )
      .all(boardId, voteId)
      .map((row) => ({
        boardId,
        voteId,
        userId: String(row.user_id),
        shapeId: String(row.shape_id),
        castAt: Number(row.cast_at),
      }))
  }

  atomically<T>(write: () => T): T {
    // Through #write like every write: the inner writes' success says nothing until the RELEASE below
    // commits, and a failed commit must reach the health (and /healthz) as the append's failure.
    return this.#write('append', () => {
      // A savepoint rather than BEGIN, so that it nests inside a transaction a caller may already hold.
      const nested = this.#db.isTransaction
      this.#db.exec('SAVEPOINT flowmap_atomically')
      try {
        const result = write()
        this.#db.exec('RELEASE flowmap_atomically')
        return result
      } catch (error) {
        this.#undoSavepoint(nested)
        throw error
      }
    })
  }

  /**
   * Opens a transaction that may span awaits, for the asynchronous adapter (async-board-storage.ts),
   * which lets no other call reach this storage until it ends. The answer ends it: `true` commits (and
   * throws a StorageWriteError, recorded as `atomically` records it, when the commit fails), `false`
   * rolls it back. Nothing else in the server uses it; `atomically` is unchanged.
   */
  openTransaction(): (commit: boolean) => void {
    const nested = this.#db.isTransaction
    this.#db.exec('SAVEPOINT flowmap_atomically')
    let ended = false
    return (commit) => {
      if (ended) return
      ended = true
      if (!commit) {
        this.#undoSavepoint(nested)
        return
      }
      // Undone whole when the commit is refused (the file check) or fails (the RELEASE itself).
      let released = false
      try {
        this.#write(
          'append',
          () => {
            this.#db.exec('RELEASE flowmap_atomically')
            released = true
          },
          !nested,
        )
      } catch (error) {
        if (!released) this.#undoSavepoint(nested)
        throw error
      }
    }
  }

  /**
   * A RELEASE that fails to commit (a full disk) can leave the transaction open: every later write would
   * then run inside it and never be committed, yet look stored. So an outermost savepoint is rolled back
   * whole, and the connection is left with no transaction.
   */
  #undoSavepoint(nested: boolean): void {
    try {
      if (nested) {
        this.#db.exec('ROLLBACK TO flowmap_atomically')
        this.#db.exec('RELEASE flowmap_atomically')
      } else if (this.#db.isTransaction) this.#db.exec('ROLLBACK')
    } catch {
      if (!nested && this.#db.isTransaction) this.#db.exec('ROLLBACK')
    }
  }
}

function toBoard(row: Row): BoardRecord {
  return {
    id: String(row.id),
    title: String(row.title),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    deletedAt: row.deleted_at === null || row.deleted_at === undefined ? null : Number(row.deleted_at),
  }
}

function toHistoryEntry(row: Row): StoredHistoryEntry {
  return {
    boardId: String(row.board_id),
    seq: Number(row.seq),
    time: Number(row.time),
    userId: row.user_id === null ? null : String(row.user_id),
    userName: row.user_name === null ? null : String(row.user_name),
    clientId: row.client_id === null ? null : Number(row.client_id),
    update: row.update_bytes as Uint8Array,
  }
}
