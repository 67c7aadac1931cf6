/**
 * The storage conformance suite on a real Postgres (one throwaway server for the file, a fresh schema
 * per test), then what only several writers on one database can show: two instances appending to one
 * board at once, two instances migrating at once, and the database going away under appends.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PostgresInstance, startPostgres } from '../testing/postgres-instance.ts'
import { freeLoopbackPort } from '../testing/service-process.ts'
import type { AsyncBoardStorage } from './async-board-storage.ts'
import type { NewHistoryEntry, StoredHistoryEntry } from './board-storage.ts'
import { migratePostgres, POSTGRES_MIGRATIONS } from './postgres-migrations.ts'
import { openPostgresStorage } from './postgres-storage.ts'
import { describeStorageConformance, entry } from './storage-conformance.ts'
import { StorageWriteError, storageFailureInWords } from './storage-error.ts'

let postgres: PostgresInstance
beforeAll(async () => {
  postgres = await startPostgres()
})
afterAll(async () => {
  await postgres?.stop()
})

describeStorageConformance('Postgres', async () => {
  // A fresh schema per test, as empty as a new database and far cheaper to make.
  const storage = await openPostgresStorage({ url: await postgres.createSchema() })
  return { storage, dispose: () => storage.close() }
})

/** An entry whose bytes say who wrote it: writer, then the writer's running number. */
function tagged(boardId: string, writer: number, n: number): NewHistoryEntry {
  const update = new Uint8Array(16 + (n % 7) * 100).fill(n % 251)
  new DataView(update.buffer).setUint32(0, writer)
  new DataView(update.buffer).setUint32(4, n)
  return { ...entry(boardId), time: n, update }
}

function tagOf(update: Uint8Array): string {
  const view = new DataView(update.buffer, update.byteOffset, update.byteLength)
  return `${view.getUint32(0)}:${view.getUint32(4)}`
}

async function readAll(storage: AsyncBoardStorage, boardId: string): Promise<StoredHistoryEntry[]> {
  const all: StoredHistoryEntry[] = []
  for (;;) {
    const page = await storage.readHistory(boardId, { afterSeq: all.at(-1)?.seq ?? 0, limit: 300 })
    if (page.length === 0) return all
    all.push(...page)
  }
}

describe('Postgres with several writers', () => {
  it('two instances appending 500 entries each to one board get seqs 1..1000, in order per writer, bytes intact', async () => {
    const url = await postgres.createDatabase()
    const instances = [await openPostgresStorage({ url }), await openPostgresStorage({ url })]
    try {
      const acknowledged = new Map<string, number>()
      // Each instance runs 5 writers of 100 appends, each writer waiting for its last append: 10 at once.
      const writers = instances.flatMap((storage, instance) =>
        Array.from({ length: 5 }, async (_, chain) => {
          const writer = instance * 10 + chain
          let previous = 0
          for (let n = 0; n < 100; n++) {
            const written = tagged('shared', writer, n)
            const seq = await storage.appendUpdate(written)
            expect(seq).toBeGreaterThan(previous)
            previous = seq
            acknowledged.set(tagOf(written.update), seq)
          }
        }),
      )
      await Promise.all(writers)
      const stored = await readAll(instances[0]!, 'shared')
      expect(stored.map((row) => row.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1))
      expect(acknowledged.size).toBe(1000)
      for (const row of stored) {
        const tag = tagOf(row.update)
        expect(acknowledged.get(tag)).toBe(row.seq)
        const [writer, n] = tag.split(':').map(Number)
        expect(row.update).toEqual(tagged('shared', writer!, n!).update)
      }
      expect(await instances[1]!.lastSeq('shared')).toBe(1000)
    } finally {
      await Promise.all(instances.map((storage) => storage.close()))
    }
  })

  it("two instances casting one person's votes at once store no more than the budget", async () => {
    const url = await postgres.createDatabase()
    const instances = [await openPostgresStorage({ url }), await openPostgresStorage({ url })]
    try {
      const rule = { votesPerPerson: 3, onePerShape: false }
      // 12 casts for ada per instance, all in flight together (two tabs on two servers, many clicks), and
      // bob's on the side: each instance's pool runs several at once, so only the database can keep count.
      const casts = instances.flatMap((storage, instance) =>
        Array.from({ length: 12 }, (_, n) =>
          storage.castVote(
            {
              boardId: 'b1',
              voteId: 'v1',
              userId: n % 4 === 3 ? 'bob' : 'ada',
              shapeId: `s${n}`,
              castAt: instance,
            },
            rule,
          ),
        ),
      )
      const stored = await Promise.all(casts)
      const ballots = await instances[1]!.readVotes('b1', 'v1')
      expect(ballots.filter((ballot) => ballot.userId === 'ada')).toHaveLength(3)
      expect(ballots.filter((ballot) => ballot.userId === 'bob')).toHaveLength(3)
      // Every cast answered true was stored, and nothing else.
      expect(stored.filter(Boolean)).toHaveLength(6)
    } finally {
      await Promise.all(instances.map((storage) => storage.close()))
    }
  })

  it('two instances starting together apply each migration once', async () => {
    const url = await postgres.createDatabase()
    const clients = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })]
    await Promise.all(clients.map((client) => client.connect()))
    try {
      const applied = await Promise.all(clients.map((client) => migratePostgres(client)))
      const versions = POSTGRES_MIGRATIONS.map((migration) => migration.version)
      expect(applied.sort((a, b) => a.length - b.length)).toEqual([[], versions])
      const rows = await clients[0]!.query('SELECT version FROM schema_migrations ORDER BY version')
      expect(rows.rows.map((row) => Number(row.version))).toEqual(versions)
      // Opening on a migrated database applies nothing and works.
      const [a, b] = await Promise.all([openPostgresStorage({ url }), openPostgresStorage({ url })])
      expect(await a.appendUpdate(entry('b1'))).toBe(1)
      expect(await b.appendUpdate(entry('b1'))).toBe(2)
      await Promise.all([a.close(), b.close()])
    } finally {
      await Promise.all(clients.map((client) => client.end()))
    }
  })

  it('fails to open with a sentence when Postgres cannot be reached', async () => {
    await expect(
      openPostgresStorage({ url: `postgres://postgres@127.0.0.1:${await freeLoopbackPort()}/none` }),
    ).rejects.toThrow(
      /^Postgres storage did not open: open not stored: the database server cannot be reached/,
    )
  })

  it("maps Postgres's refusals to SQLite's sentences: a read-only database refuses the append as read-only", async () => {
    const url = await postgres.createDatabase()
    const storage = await openPostgresStorage({ url })
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    try {
      expect(await storage.appendUpdate(entry('b1'))).toBe(1)
      await admin.query(
        `ALTER DATABASE ${new URL(url).pathname.slice(1)} SET default_transaction_read_only = on`,
      )
      // A fresh pool: the setting applies to connections opened after it.
      const readOnly = await openPostgresStorage({ url })
      try {
        const refusal = await readOnly.appendUpdate(entry('b1')).catch((error: unknown) => error)
        expect(refusal).toBeInstanceOf(StorageWriteError)
        expect(refusal).toMatchObject({
          failure: 'read-only',
          message: expect.stringMatching(/^append not stored: the database is read-only \(/),
        })
        expect(storageFailureInWords(refusal)).toBe('its storage is read-only')
        expect(await readOnly.isAvailable()).toBe(false)
        expect(await readOnly.writeFailure()).toMatchObject({ cause: 'read-only', operation: 'append' })
        // Reads still answer, and nothing was stored.
        expect(await readOnly.lastSeq('b1')).toBe(1)
      } finally {
        await readOnly.close()
      }
    } finally {
      await admin.end()
      await storage.close()
    }
  })

  // Last in the file: it stops the file's server (and starts it again).
  it('Postgres stopped under appends: they reject as unreachable, and after a restart appends work and no acknowledged entry is lost', async () => {
    const storage = await openPostgresStorage({
      url: await postgres.createDatabase(),
      connectTimeoutMs: 2000,
    })
    try {
      const acknowledged = new Map<number, Uint8Array>()
      const refusals: unknown[] = []
      let stopping: Promise<void> | null = null
      const writers = Array.from({ length: 4 }, async (_, writer) => {
        for (let n = 0; ; n++) {
          const written = tagged('b1', writer, n)
          try {
            acknowledged.set(await storage.appendUpdate(written), written.update)
          } catch (error) {
            refusals.push(error)
            return
          }
          if (acknowledged.size >= 40) stopping ??= postgres.shutdown()
        }
      })
      await Promise.all(writers)
      await stopping

      expect(refusals).toHaveLength(4)
      for (const refusal of refusals) {
        expect(refusal).toBeInstanceOf(StorageWriteError)
        expect(refusal).toMatchObject({ operation: 'append', failure: 'database-unreachable' })
        expect(storageFailureInWords(refusal)).toBe('its database cannot be reached')
      }
      expect(await storage.isAvailable()).toBe(false)
      expect(await storage.writeFailure()).toMatchObject({
        cause: 'database-unreachable',
        operation: 'append',
        reason: expect.stringMatching(/^append not stored: the database server cannot be reached/),
      })
      await expect(storage.appendUpdate(entry('b1'))).rejects.toMatchObject({
        failure: 'database-unreachable',
      })

      await postgres.restart()
      const next = await storage.appendUpdate(entry('b1', { update: Uint8Array.of(42) }))
      expect(await storage.isAvailable()).toBe(true)
      expect(await storage.writeFailure()).toBeNull()

      const stored = await readAll(storage, 'b1')
      expect(stored.map((row) => row.seq)).toEqual(Array.from({ length: next }, (_, i) => i + 1))
      expect(acknowledged.size).toBeGreaterThanOrEqual(40)
      for (const [seq, update] of acknowledged) expect(stored[seq - 1]!.update).toEqual(update)
      expect(stored.at(-1)!.update).toEqual(Uint8Array.of(42))
    } finally {
      await storage.close()
    }
  })
})
