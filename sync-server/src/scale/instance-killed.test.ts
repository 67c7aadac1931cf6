/**
 * kill -9 one of two instances under load (real processes on one Postgres and one Redis, behind a
 * balancer that sends each connection to the next live instance): the dead instance's clients reconnect
 * to the other through the same address, every edit any client saw acknowledged is on the board and in
 * its history, and the history has no gap and no entry twice.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readRecord, writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { type BoardClient, connectBoard } from '../testing/board-client.ts'
import { type ServerProcess, spawnServerProcess } from '../testing/server-process.ts'
import { startTcpBalancer } from '../testing/tcp-balancer.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { usePostgresAndRedis } from '../testing/use-postgres-and-redis.ts'

const services = usePostgresAndRedis()

const BOARD = 'killed-under-load'
const step = (id: string, label: string) => workflowShape('step', { id, props: { label } })

/**
 * One writer: writes an edit, waits for its acknowledgement, notes it, and again, until told to stop.
 * It writes only while its provider has finished the handshake, as the app's own connection sees to
 * (client/src/sync/updates-after-handshake.ts); the bare provider used here would otherwise send an
 * edit made while reconnecting ahead of its handshake, which any server refuses.
 */
function writer(client: BoardClient, name: string) {
  const acknowledged: string[] = []
  let stopped = false
  let n = 0
  const done = (async () => {
    while (!stopped) {
      if (!client.provider.isSynced) {
        await new Promise((resolve) => setTimeout(resolve, 20))
        continue
      }
      const id = `${name}-${n++}`
      writeRecord(client.doc, step(id, `${name} edit ${n}`))
      try {
        await client.acknowledged()
        acknowledged.push(id)
      } catch {
        // not acknowledged (the socket went): not counted; the client keeps the edit and resends it
      }
    }
  })()
  return {
    acknowledged,
    stop: async () => {
      stopped = true
      await done
    },
  }
}

it('kill -9 one instance under load: its clients move to the other, nothing acknowledged is lost, no gaps, no duplicates', async () => {
  const databaseUrl = await services.postgres.createSchema()
  const dirs: string[] = []
  const spawn = async (): Promise<ServerProcess> => {
    const dataDir = mkdtempSync(join(tmpdir(), 'flowmap-killed-'))
    dirs.push(dataDir)
    return spawnServerProcess({
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      REDIS_URL: services.redis.url,
      FLOWMAP_AUTH_SECRET: TEST_SECRET,
      HOST: '127.0.0.1',
    })
  }
  const a = await spawn()
  const b = await spawn()
  const balancer = await startTcpBalancer([Number(new URL(a.url).port), Number(new URL(b.url).port)])
  const clients: BoardClient[] = []
  try {
    for (const name of ['ada', 'bo', 'cy', 'di']) {
      const token = await testToken(
        { sub: name, name, board: BOARD, role: 'editor' },
        { expiresInMs: 600_000 },
      )
      const client = connectBoard(balancer.collabUrl, BOARD, { token })
      clients.push(client)
      await client.synced
    }
    // Round robin: two clients on each instance.
    expect(balancer.routed.slice(0, 4)).toEqual([0, 1, 0, 1])
    const writers = clients.map((client, index) => writer(client, ['ada', 'bo', 'cy', 'di'][index]!))
    await vi.waitFor(() => expect(writers.every((w) => w.acknowledged.length >= 5)).toBe(true), {
      timeout: 20_000,
    })

    a.child.kill('SIGKILL')
    await a.exited
    // Everyone keeps writing; A's clients reconnect through the balancer to B and are acknowledged there.
    const ackedAtKill = writers.map((w) => w.acknowledged.length)
    await vi.waitFor(
      () =>
        expect(
          writers.map((w, index) => w.acknowledged.length - ackedAtKill[index]!),
          JSON.stringify(clients.map((client) => client.rejections)),
        ).toSatisfy((more: number[]) => more.every((n) => n >= 5)),
      { timeout: 30_000 },
    )
    await Promise.all(writers.map((w) => w.stop()))
    await Promise.all(clients.map((client) => client.acknowledged()))
    expect(clients.flatMap((client) => client.rejections)).toEqual([])

    // A fresh reader (on B, the only instance left) sees every acknowledged edit…
    const readerToken = await testToken({ sub: 'reader', board: BOARD, role: 'viewer' })
    const reader = connectBoard(balancer.collabUrl, BOARD, { token: readerToken })
    clients.push(reader)
    await reader.synced
    const acknowledged = writers.flatMap((w) => w.acknowledged)
    for (const id of acknowledged) expect(readRecord(reader.doc, `shape:${id}`), id).toBeDefined()

    // …and so does the history: seqs 1..n with no gap, no update stored twice, and the log alone
    // rebuilds every acknowledged edit.
    const history = await historyOf(databaseUrl)
    expect(history.map((entry) => entry.seq)).toEqual(history.map((_, index) => index + 1))
    const bytes = history.map((entry) => Buffer.from(entry.update).toString('base64'))
    expect(new Set(bytes).size).toBe(bytes.length)
    const replayed = new Y.Doc()
    for (const entry of history) Y.applyUpdate(replayed, entry.update)
    for (const id of acknowledged) expect(readRecord(replayed, `shape:${id}`), id).toBeDefined()
  } finally {
    for (const client of clients) client.destroy()
    await balancer.close()
    if (a.child.exitCode === null && a.child.signalCode === null) a.child.kill('SIGKILL')
    b.child.kill('SIGTERM')
    await Promise.all([a.exited, b.exited])
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  }
}, 120_000)

async function historyOf(databaseUrl: string) {
  const { openPostgresStorage } = await import('../storage/postgres-storage.ts')
  const storage = await openPostgresStorage({ url: databaseUrl })
  try {
    return await storage.readHistory(BOARD, { afterSeq: 0, limit: 100_000 })
  } finally {
    await storage.close()
  }
}
