/**
 * Issue 16's scale-out benchmark, all measured in one run on real servers (Postgres and Redis from
 * sync-server's test harness, each sync-server its own process):
 *
 * 1. Fan-out through Redis: a room of 20 clients, 4 of them writing an edit every 100 ms, spread over two
 *    instances on one Postgres relaying through Redis, against the same clients on one instance on the
 *    same Postgres (the reference: what a deployment without Redis is). Reports delivery latency (from the
 *    writer's edit to each other client's doc) p50 / p95, the ratio (goal: p50 ≤ 1.5×), and edits lost
 *    (goal: none).
 * 2. Sustained accepted updates/s: 4 writers each sending an edit as soon as the last is acknowledged, for
 *    a fixed time, on Postgres against the default SQLite file (the reference), one instance each.
 *
 * Machines are noisy: the fan-out runs three rounds alternating the two setups and prints medians.
 * Env: BENCH_QUICK=1 for one short round.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { readRecord, writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { type BoardClient, connectBoard } from '@flowmap/sync-server/testing/board-client'
import { startPostgres } from '@flowmap/sync-server/testing/postgres-instance'
import { startRedis } from '@flowmap/sync-server/testing/redis-instance'
import { type ServerProcess, spawnServerProcess } from '@flowmap/sync-server/testing/server-process'
import { TEST_SECRET } from '@flowmap/sync-server/testing/test-server'
import { testToken } from '@flowmap/sync-server/testing/test-tokens'

const quick = process.env.BENCH_QUICK === '1'
const ROUNDS = quick ? 1 : 3
const ROOM = 20
const WRITERS = 4
const EDIT_EVERY_MS = 100
const EDIT_FOR_MS = quick ? 3_000 : 8_000
const SUSTAINED_MS = quick ? 3_000 : 8_000

interface Instance {
  process: ServerProcess
  dir: string
}

async function spawnInstance(env: Record<string, string>): Promise<Instance> {
  const dir = mkdtempSync(join(tmpdir(), 'flowmap-scale-bench-'))
  const process = await spawnServerProcess({
    DATA_DIR: dir,
    FLOWMAP_AUTH_SECRET: TEST_SECRET,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    ...env,
  })
  return { process, dir }
}

async function stopInstance(instance: Instance): Promise<void> {
  instance.process.child.kill('SIGTERM')
  await instance.process.exited
  rmSync(instance.dir, { recursive: true, force: true })
}

async function openClients(collabUrls: string[], board: string, count: number): Promise<BoardClient[]> {
  const clients: BoardClient[] = []
  for (let i = 0; i < count; i++) {
    const token = await testToken({ sub: `p${i}`, board, role: 'editor' }, { expiresInMs: 3_600_000 })
    clients.push(connectBoard(collabUrls[i % collabUrls.length]!, board, { token }))
  }
  await Promise.all(clients.map((client) => client.synced))
  return clients
}

interface FanOut {
  p50: number
  p95: number
  lost: number
  deliveries: number
}

/** Writers edit on a schedule; every other client notes when each edit arrives. */
async function fanOut(collabUrls: string[], board: string): Promise<FanOut> {
  const clients = await openClients(collabUrls, board, ROOM)
  try {
    const sentAt = new Map<string, number>()
    const latencies: number[] = []
    // Per client, the edits sent by others that have not reached it yet (few: only those in flight).
    const pending = clients.map(() => new Set<string>())
    clients.forEach((client, index) => {
      client.doc.on('update', () => {
        for (const id of pending[index]!) {
          if (readRecord(client.doc, `shape:${id}`) === undefined) continue
          pending[index]!.delete(id)
          latencies.push(performance.now() - sentAt.get(id)!)
        }
      })
    })
    const writers = clients.slice(0, WRITERS)
    let n = 0
    const started = performance.now()
    while (performance.now() - started < EDIT_FOR_MS) {
      for (const [index, writer] of writers.entries()) {
        const id = `w${index}-${n}`
        sentAt.set(id, performance.now())
        pending.forEach((ids, reader) => {
          if (reader !== index) ids.add(id)
        })
        writeRecord(
          writer.doc,
          workflowShape('step', { id, x: n, y: index * 100, props: { label: `edit ${n}` } }),
        )
      }
      n++
      await new Promise((resolve) => setTimeout(resolve, EDIT_EVERY_MS))
    }
    // Let the last edits arrive, then count what never did.
    const expected = sentAt.size * (ROOM - 1)
    const deadline = performance.now() + 10_000
    while (latencies.length < expected && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const sorted = [...latencies].sort((a, b) => a - b)
    return {
      p50: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
      p95: sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN,
      lost: expected - latencies.length,
      deliveries: latencies.length,
    }
  } finally {
    for (const client of clients) client.destroy()
  }
}

/** Writers send an edit as soon as the last one is acknowledged: accepted updates per second. */
async function sustained(collabUrl: string, board: string): Promise<number> {
  const clients = await openClients([collabUrl], board, WRITERS)
  try {
    let accepted = 0
    const started = performance.now()
    await Promise.all(
      clients.map(async (client, index) => {
        for (let n = 0; performance.now() - started < SUSTAINED_MS; n++) {
          writeRecord(client.doc, workflowShape('step', { id: `s${index}-${n % 50}`, x: n, y: index }))
          await client.acknowledged()
          accepted++
        }
      }),
    )
    return accepted / ((performance.now() - started) / 1000)
  } finally {
    for (const client of clients) client.destroy()
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

export async function runScaleOutBench(): Promise<void> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  const instances: Instance[] = []
  try {
    const databaseUrl = await postgres.createDatabase('fanout')
    const single = await spawnInstance({ DATABASE_URL: databaseUrl })
    const a = await spawnInstance({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url })
    const b = await spawnInstance({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url })
    instances.push(single, a, b)

    const one: FanOut[] = []
    const two: FanOut[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const setups: Array<[FanOut[], string[]]> = [
        [one, [single.process.collabUrl]],
        [two, [a.process.collabUrl, b.process.collabUrl]],
      ]
      if (round % 2 === 1) setups.reverse()
      for (const [results, urls] of setups)
        results.push(await fanOut(urls, `fanout-${results.length}-${urls.length}`))
    }
    const report = (name: string, results: FanOut[]) => {
      const p50 = median(results.map((r) => r.p50))
      const p95 = median(results.map((r) => r.p95))
      const lost = results.reduce((sum, r) => sum + r.lost, 0)
      const deliveries = results.reduce((sum, r) => sum + r.deliveries, 0)
      console.log(
        `  ${name.padEnd(44)} p50 ${p50.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  delivered ${deliveries}, lost ${lost}`,
      )
      return { p50, lost }
    }
    console.log(
      `fan-out: ${ROOM} clients, ${WRITERS} writing every ${EDIT_EVERY_MS} ms, ${ROUNDS} round(s), medians`,
    )
    const reference = report('one instance (Postgres)', one)
    const relayed = report('two instances through Redis (Postgres)', two)
    const ratio = relayed.p50 / reference.p50
    console.log(`  ratio p50 two/one: ${ratio.toFixed(2)}× (goal ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'missed'})`)
    console.log(
      `  lost: ${relayed.lost + reference.lost} (goal: 0: ${relayed.lost + reference.lost === 0 ? 'met' : 'missed'})`,
    )

    const sqlite = await spawnInstance({})
    instances.push(sqlite)
    const onSqlite: number[] = []
    const onPostgres: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      onSqlite.push(await sustained(sqlite.process.collabUrl, `sustained-sqlite-${round}`))
      onPostgres.push(await sustained(single.process.collabUrl, `sustained-pg-${round}`))
    }
    const sqliteRate = median(onSqlite)
    const postgresRate = median(onPostgres)
    console.log(
      `sustained accepted updates/s, ${WRITERS} writers each waiting for its acknowledgement, ${ROUNDS} round(s), medians`,
    )
    console.log(
      `  SQLite (default, synchronous=normal)  ${sqliteRate.toFixed(0).padStart(6)} updates/s  1.00×`,
    )
    console.log(
      `  Postgres (fsync on)                   ${postgresRate.toFixed(0).padStart(6)} updates/s  ${(postgresRate / sqliteRate).toFixed(2)}× SQLite`,
    )
  } finally {
    for (const instance of instances) await stopInstance(instance)
    await Promise.all([postgres.stop(), redis.stop()])
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runScaleOutBench()
}
