import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { docAt, readRecords, replayEntry, type StoredRecord, writeRecord } from '@flowmap/shared'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type AsyncBoardStorage, asyncStorageOf } from '../storage/async-board-storage.ts'
import type { StoredHistoryEntry } from '../storage/board-storage.ts'
import { openPostgresStorage } from '../storage/postgres-storage.ts'
import { SqliteStorage } from '../storage/sqlite-storage.ts'
import { type PostgresInstance, startPostgres } from '../testing/postgres-instance.ts'
import { useTempDirs } from '../testing/temp-dirs.ts'
import { migrateStorageCommand } from './migrate-storage-command.ts'

const tempDir = useTempDirs()
let postgres: PostgresInstance
beforeAll(async () => {
  postgres = await startPostgres()
})
afterAll(async () => {
  await postgres?.stop()
})

const HASH = 'ab'.repeat(32)

/** Writes `count` real Yjs updates to the board's history, each moving one shape; answers the updates. */
function writeHistory(storage: SqliteStorage, boardId: string, count: number): void {
  const doc = new Y.Doc()
  doc.on('update', (update: Uint8Array) => {
    const n = storage.lastSeq(boardId) + 1
    storage.appendUpdate({
      boardId,
      time: 1_000 + n,
      // one entry from the server itself: no user, no client id
      userId: n === 2 ? null : `user-${n}`,
      userName: n === 2 ? null : `User ${n}`,
      clientId: n === 2 ? null : doc.clientID,
      update,
    })
  })
  for (let i = 1; i <= count; i++) {
    const shape = { id: `shape:${boardId}-${i % 2}`, typeName: 'shape', x: i * 10, y: i }
    writeRecord(doc, shape as unknown as StoredRecord)
  }
}

/** A DATA_DIR with board 'ops' (live) and 'old' (deleted), everything a board can hold around them. */
function dataDir(): string {
  const dir = tempDir()
  const storage = new SqliteStorage({ path: join(dir, 'flowmap.db'), synchronous: 'normal' })
  storage.createBoard({ id: 'ops', title: 'Ops', now: 100 })
  storage.createBoard({ id: 'old', title: 'Old', now: 200 })
  writeHistory(storage, 'ops', 5)
  writeHistory(storage, 'old', 3)
  const upToTwo = new Y.Doc()
  for (const entry of storage.readHistory('ops', { afterSeq: 0, limit: 2 }))
    Y.applyUpdate(upToTwo, entry.update)
  storage.writeCheckpoint('ops', { seq: 2, time: 1_002, state: Y.encodeStateAsUpdate(upToTwo) })
  storage.writeSnapshot('ops', { seq: 2, time: 1_002, title: 'Ops', state: Y.encodeStateAsUpdate(upToTwo) })
  storage.addNamedVersion({
    boardId: 'ops',
    seq: 3,
    name: 'Before review',
    time: 1_003,
    userId: 'ada',
    userName: 'Ada',
  })
  storage.addNamedVersion({
    boardId: 'old',
    seq: 1,
    name: 'First',
    time: 1_001,
    userId: 'bo',
    userName: 'Bo',
  })
  storage.addTemplate({
    id: 'tpl-1',
    name: 'Intake',
    description: 'A start',
    boardId: 'ops',
    createdAt: 1_500,
    createdBy: 'ada',
    roles: [],
    records: [],
  })
  storage.linkAsset(
    'ops',
    { hash: HASH, mimeType: 'image/png', size: 42, createdAt: 1_600, name: 'photo.png' },
    1_600,
  )
  storage.claimClientIds('ops', [{ clientId: 99, owner: 'ada', firstSeen: 1_001 }])
  storage.setMemberChange('ops', 'bo', 'viewer', 1_700)
  storage.revokeToken('ops', 'token-1', 1_800)
  storage.castVote(
    { boardId: 'ops', voteId: 'vote-1', userId: 'ada', shapeId: 'shape:ops-1', castAt: 1_900 },
    { votesPerPerson: 3, onePerShape: false },
  )
  expect(storage.markBoardDeleted('old', 2_000)).toBe(true)
  storage.close()
  return dir
}

/** Reads history in pages of 2, bytes as hex, so a comparison is byte for byte whatever the array type. */
async function historyPages(storage: AsyncBoardStorage, boardId: string) {
  const pages: Array<Array<Omit<StoredHistoryEntry, 'update'> & { update: string }>> = []
  let afterSeq = 0
  for (;;) {
    const page = await storage.readHistory(boardId, { afterSeq, limit: 2 })
    if (page.length === 0) return pages
    pages.push(page.map((entry) => ({ ...entry, update: Buffer.from(entry.update).toString('hex') })))
    afterSeq = page[page.length - 1]?.seq ?? afterSeq
  }
}

/** Everything the test compares, read through a storage's interface. */
async function everything(storage: AsyncBoardStorage) {
  const hex = (state: { seq: number; state: Uint8Array } | undefined) =>
    state && { seq: state.seq, state: Buffer.from(state.state).toString('hex') }
  const out: Record<string, unknown> = {
    boards: await storage.listBoards(),
    deleted: await storage.listDeletedBoards(),
    templates: await storage.listTemplates(),
  }
  for (const board of ['ops', 'old']) {
    out[board] = {
      history: await historyPages(storage, board),
      lastSeq: await storage.lastSeq(board),
      namedVersions: await storage.listNamedVersions(board),
      latestCheckpoint: hex(await storage.latestCheckpoint(board)),
      checkpoints: await storage.listCheckpoints(board),
      snapshot: hex(await storage.readSnapshot(board)),
      clientIds: await storage.readClientIds(board),
    }
  }
  out.asset = await storage.linkedAsset('ops', HASH)
  out.member = await storage.memberChange('ops', 'bo')
  out.revoked = await storage.isTokenRevoked('ops', 'token-1')
  out.votes = await storage.readVotes('ops', 'vote-1')
  return out
}

/** The board at `seq` as replay shows it (`docAt`: the nearest checkpoint plus the entries after), as records. */
async function recordsAt(storage: AsyncBoardStorage, boardId: string, seq: number) {
  const entries = (await storage.readHistory(boardId, { afterSeq: 0, limit: 1_000 })).map(replayEntry)
  const checkpoint = await storage.checkpointAtOrBefore(boardId, seq)
  const { doc, seq: at } = docAt({ checkpoints: checkpoint ? [checkpoint] : [], entries }, { seq })
  expect(at).toBe(seq)
  return readRecords(doc).sort((a, b) => a.id.localeCompare(b.id))
}

async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const counts: Record<string, number> = {}
    for (const table of ['boards', 'history', 'history_heads', 'named_versions', 'asset_links', 'assets']) {
      counts[table] = (await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n
    }
    return counts
  } finally {
    await client.end()
  }
}

describe('flowmap migrate-storage', () => {
  it('moves every board, entry and row into Postgres, which then answers as SQLite did; a second run is refused', async () => {
    const dir = dataDir()
    const sqlite = asyncStorageOf(new SqliteStorage({ path: join(dir, 'flowmap.db'), synchronous: 'normal' }))
    const expected = await everything(sqlite)
    const expectedRecords = await recordsAt(sqlite, 'ops', 3)
    expect((expected.deleted as unknown[]).length).toBe(1)
    expect(expectedRecords.length).toBe(2)
    // the named version is a moment of its own, not the board as it is now
    expect(expectedRecords).not.toEqual(await recordsAt(sqlite, 'ops', 5))
    await sqlite.close()

    const url = await postgres.createSchema()
    const moved = await migrateStorageCommand(['--to', url, '--from', dir], {})
    if (!moved.ok) throw new Error(moved.error)
    expect(moved.output).toMatch(/^moved 2 boards, 8 history entries, 2 named versions in \d+\.\d s\n/)
    expect(moved.output).toContain(
      `Asset files were not copied: 1 asset (1 link) keep their bytes in ${join(dir, 'assets')}`,
    )

    const target = await openPostgresStorage({ url })
    try {
      expect(await everything(target)).toEqual(expected)
      // the named version's doc, replayed from Postgres's history, is the one SQLite's history gives
      expect(await recordsAt(target, 'ops', 3)).toEqual(expectedRecords)

      const before = await rowCounts(url)
      const again = await migrateStorageCommand(['--to', url, '--from', dir], {})
      expect(!again.ok && again.error).toBe(
        'the target database already holds 2 boards: migrate-storage copies only into an empty database and never merges; nothing was changed.',
      )
      expect(await rowCounts(url)).toEqual(before)

      // the per-board counter carried over: the next append continues the seqs
      const seq = await target.appendUpdate({
        boardId: 'ops',
        time: 3_000,
        userId: null,
        userName: null,
        clientId: null,
        update: Uint8Array.of(0, 0),
      })
      expect(seq).toBe(6)
    } finally {
      await target.close()
    }
  })

  it('a failure part way copies nothing; refuses while a server holds the database, and names bad options', async () => {
    const dir = dataDir()
    const url = await postgres.createSchema()
    // A row the copy of asset_links (after boards and history) collides with: no board yet, so not refused.
    await (await openPostgresStorage({ url })).close()
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query("INSERT INTO asset_links VALUES ('ops', $1, 'other.png', 1)", [HASH])
    await client.end()
    const failed = await migrateStorageCommand(['--to', url, '--from', dir], {})
    expect(!failed.ok && failed.error).toMatch(
      /^the move failed and was rolled back, nothing was copied: .*duplicate key/,
    )
    expect(await rowCounts(url)).toEqual({
      boards: 0,
      history: 0,
      history_heads: 0,
      named_versions: 0,
      asset_links: 1,
      assets: 0,
    })

    const server = new SqliteStorage({ path: join(dir, 'flowmap.db'), synchronous: 'normal' })
    try {
      const locked = await migrateStorageCommand(['--to', url], { DATA_DIR: dir })
      expect(!locked.ok && locked.error).toMatch(/Stop the server to move its data to Postgres\.$/)
    } finally {
      server.close()
    }
    const noTarget = await migrateStorageCommand(['--from', dir], {})
    expect(!noTarget.ok && noTarget.error).toBe(
      '--to takes the target database, a postgres:// URL\nusage: pnpm flowmap migrate-storage --to postgres://… [--from <DATA_DIR>]',
    )
    const empty = await migrateStorageCommand(['--to', url, '--from', join(tempDir(), 'none')], {})
    expect(!empty.ok && empty.error).toMatch(
      /^there is no Flowmap database in DATA_DIR=.*none: nothing to move$/,
    )
  })

  it('runs as `node sync-server/src/cli.ts migrate-storage`, printing to stdout', async () => {
    const dir = dataDir()
    const url = await postgres.createSchema()
    const cli = join(import.meta.dirname, '..', 'cli.ts')
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'migrate-storage', '--to', url], {
      env: { ...process.env, DATA_DIR: dir },
    })
    expect(stdout).toMatch(/^moved 2 boards, 8 history entries, 2 named versions in /)
  })
})
