/**
 * One instance on a real Postgres (started here on a free loopback port): edits are acknowledged only
 * once committed there; with Postgres stopped nothing is acknowledged, /healthz says why, and the edit
 * kept by its client is stored once Postgres is back, with no restart of the sync server.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readRecord, writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { loadBoardDoc } from '../boards/load-board.ts'
import { type RunningServer, startFlowmapServer } from '../server.ts'
import { type BoardClient, connectBoard } from '../testing/board-client.ts'
import { collabUrlOf } from '../testing/collab-url.ts'
import { requestJson } from '../testing/http-client.ts'
import { type PostgresInstance, startPostgres } from '../testing/postgres-instance.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'

let postgres: PostgresInstance
beforeAll(async () => {
  postgres = await startPostgres()
}, 60_000)
afterAll(async () => {
  await postgres?.stop()
})

const ends: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const end of ends.splice(0).reverse()) await end()
})

async function serverOnPostgres(): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowmap-pg-'))
  const server = await startFlowmapServer({
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    clientDir: null,
    dataDir,
    databaseUrl: await postgres.createSchema(),
    authSecret: TEST_SECRET,
  })
  ends.push(async () => {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  })
  return server
}

async function client(server: RunningServer, board: string, doc?: Y.Doc): Promise<BoardClient> {
  const token = await testToken({ sub: 'ada', name: 'Ada', board, role: 'editor' })
  const connected = connectBoard(collabUrlOf(server.url), board, { token, ...(doc ? { doc } : {}) })
  ends.push(() => connected.destroy())
  await connected.synced
  return connected
}

const step = (id: string, label: string) => workflowShape('step', { id, props: { label } })

it('acknowledges only what Postgres committed; with Postgres stopped, nothing, and /healthz says so; all syncs after', async () => {
  const server = await serverOnPostgres()
  const board = 'outage'
  const ada = await client(server, board)
  writeRecord(ada.doc, step('stored', 'before the outage'))
  await ada.acknowledged()
  expect(readRecord((await loadBoardDoc(server.storage, board)).doc, 'shape:stored')).toBeDefined()
  expect((await requestJson(`${server.url}/healthz`)).status).toBe(200)

  await postgres.shutdown()
  writeRecord(ada.doc, step('kept', 'during the outage'))
  await vi.waitFor(() => expect(ada.rejections).toHaveLength(1), { timeout: 20_000 })
  expect(ada.rejections[0]).toMatchObject({ code: 'storage-unavailable' })
  expect(ada.rejections[0]?.reason).toMatch(/could not store this change/)
  expect(ada.provider.hasUnsyncedChanges).toBe(true)
  const health = await requestJson(`${server.url}/healthz`)
  expect(health.status).toBe(503)
  expect(health.body).toMatchObject({
    status: 'unavailable',
    cause: 'database-unreachable',
    dependencies: { storage: { status: 'unavailable', kind: 'postgres' } },
  })

  await postgres.restart()
  await vi.waitFor(async () => expect((await requestJson(`${server.url}/healthz`)).status).toBe(200), {
    timeout: 20_000,
    interval: 200,
  })
  // The refused client resets and sends what it kept (its doc's state): now it is stored.
  const kept = new Y.Doc()
  Y.applyUpdate(kept, Y.encodeStateAsUpdate(ada.doc))
  ada.destroy()
  const again = await client(server, board, kept)
  await again.acknowledged()
  const stored = (await loadBoardDoc(server.storage, board)).doc
  expect(readRecord(stored, 'shape:kept')).toMatchObject({ props: { label: 'during the outage' } })
  expect(readRecord(stored, 'shape:stored')).toBeDefined()
  const history = await server.storage.readHistory(board, { afterSeq: 0, limit: 100 })
  expect(history.map((entry) => entry.seq)).toEqual(history.map((_, index) => index + 1))
})
