/**
 * Storage faults against a real server process (main.ts) with real providers: a full disk and a
 * database file deleted underneath the server. The rule under test: nothing is acknowledged that was
 * not stored; while storage fails, /healthz says why; when there is room again the server recovers by
 * itself; and a database that went missing is never silently recreated empty.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { REFUSAL_CODES, readRecords, writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type BoardClient, connectBoard } from '../testing/board-client.ts'
import { type FullDisk, makeFullDisk } from '../testing/full-disk.ts'
import { requestJson } from '../testing/http-client.ts'
import { runMainToExit, type ServerProcess, spawnServerProcess } from '../testing/server-process.ts'
import { useTempDirs } from '../testing/temp-dirs.ts'

// Before the cleanups' hook, so it runs after it: a data dir goes once its server process is killed.
const tempDir = useTempDirs()
const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const LONG = { timeout: 20_000, interval: 50 }

async function serve(env: Record<string, string>): Promise<ServerProcess> {
  const server = await spawnServerProcess(env)
  cleanups.push(async () => {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL')
      await server.exited
    }
  })
  return server
}

async function kill(server: ServerProcess): Promise<void> {
  server.child.kill('SIGKILL')
  await server.exited
}

function client(server: ServerProcess, board: string, doc?: BoardClient['doc']): BoardClient {
  const connected = connectBoard(server.collabUrl, board, doc === undefined ? {} : { doc })
  cleanups.push(() => connected.destroy())
  return connected
}

/** The ids of the board's records as a newly connected client receives them. */
async function idsSeenByNewClient(server: ServerProcess, board: string): Promise<string[]> {
  const reader = connectBoard(server.collabUrl, board)
  try {
    await reader.synced
    return readRecords(reader.doc)
      .map((record) => record.id)
      .sort()
  } finally {
    reader.destroy()
  }
}

function step(id: string) {
  return workflowShape('step', { id, props: { label: `Step ${id}` } })
}

/** One edit, then whichever comes first: its acknowledgement or a refusal. */
async function editAndSettle(writer: BoardClient, id: string): Promise<'acknowledged' | 'refused'> {
  const refusalsBefore = writer.rejections.length
  writeRecord(writer.doc, step(id))
  await vi.waitFor(
    () => expect(writer.rejections.length > refusalsBefore || !writer.provider.hasUnsyncedChanges).toBe(true),
    LONG,
  )
  return writer.rejections.length > refusalsBefore ? 'refused' : 'acknowledged'
}

describe('storage faults', () => {
  it('on a full disk no edit is acknowledged, /healthz names the cause, the edits are stored once there is room again, and a SIGKILL then loses nothing acknowledged', async () => {
    const disk: FullDisk = makeFullDisk()
    cleanups.push(() => disk.dispose())
    console.info(`storage-faults: full disk made by ${disk.mechanism}`)
    const board = 'full-disk'
    let server = await serve(disk.serverEnv)
    const ada = client(server, board)
    await ada.synced
    const acknowledged: string[] = []
    expect(await editAndSettle(ada, 'before')).toBe('acknowledged')
    acknowledged.push('shape:before')

    disk.fill()
    // Room already inside the files (SQLite's log, free pages) may take a few more edits; each of
    // those is really stored. The first that does not fit is refused, never acknowledged.
    let refusedId: string | null = null
    for (let i = 0; refusedId === null; i++) {
      if (i >= 500) throw new Error('500 edits on a full disk were all acknowledged')
      const outcome = await editAndSettle(ada, `while-full-${i}`)
      if (outcome === 'acknowledged') acknowledged.push(`shape:while-full-${i}`)
      else refusedId = `shape:while-full-${i}`
    }
    expect(ada.rejections.at(-1)).toMatchObject({ code: REFUSAL_CODES.storageUnavailable })
    expect(ada.provider.unsyncedChanges).toBeGreaterThan(0)
    const health = await requestJson(`${server.url}/healthz`)
    expect(health.status).toBe(503)
    expect(health.body).toMatchObject({
      status: 'unavailable',
      cause: 'disk-full',
      reason: expect.stringMatching(/append not stored: the disk holding the database is full/),
    })
    // Not broadcast either: a newcomer sees what was stored, not the refused edit.
    expect(await idsSeenByNewClient(server, board)).toEqual([...acknowledged].sort())

    disk.free()
    // The client keeps its change and sends it again (a new connection, as the app's reset does).
    ada.provider.destroy()
    const retry = client(server, board, ada.doc)
    await retry.synced
    await retry.acknowledged()
    const everything = [...acknowledged, refusedId].sort()
    await vi.waitFor(async () => expect(await idsSeenByNewClient(server, board)).toEqual(everything), LONG)
    await vi.waitFor(async () => expect((await requestJson(`${server.url}/healthz`)).status).toBe(200), LONG)
    // An honest edit after recovery is acknowledged as usual.
    expect(await editAndSettle(retry, 'after')).toBe('acknowledged')
    everything.push('shape:after')
    everything.sort()

    await kill(server)
    server = await serve(disk.serverEnv)
    expect(await idsSeenByNewClient(server, board)).toEqual(everything)
  }, 120_000)

  it('refuses edits and answers 503 once the database file is deleted, and then will not start on an empty database', async () => {
    const dataDir = tempDir()
    const databaseFile = join(dataDir, 'flowmap.db')
    const board = 'deleted'
    const server = await serve({ DATA_DIR: dataDir })
    const ada = client(server, board)
    await ada.synced
    expect(await editAndSettle(ada, 'stored')).toBe('acknowledged')
    expect((await requestJson(`${server.url}/healthz`)).status).toBe(200)

    rmSync(databaseFile)
    const health = await requestJson(`${server.url}/healthz`)
    expect(health.status).toBe(503)
    expect(health.body).toMatchObject({
      status: 'unavailable',
      cause: 'database-file-gone',
      reason: expect.stringContaining(`the database file ${databaseFile} was deleted`),
    })
    expect(await editAndSettle(ada, 'into-the-void')).toBe('refused')
    expect(ada.rejections.at(-1)).toMatchObject({ code: REFUSAL_CODES.storageUnavailable })
    // The server is up, and nothing it could not store was broadcast.
    expect(await idsSeenByNewClient(server, board)).toEqual(['shape:stored'])
    // An HTTP write is refused the same way: 503 naming the cause, not a 500.
    const created = await requestJson(`${server.url}/api/boards`, { method: 'POST', body: { title: 'Lost' } })
    expect(created).toMatchObject({
      status: 503,
      body: { error: 'storage-unavailable', message: expect.stringContaining('database file is missing') },
    })

    await kill(server)
    const restart = await runMainToExit({ DATA_DIR: dataDir })
    expect(restart.code).toBe(1)
    expect(restart.stdout).toBe('')
    expect(restart.stderr).toContain(databaseFile)
    expect(restart.stderr).toContain(`${databaseFile}.marker`)
    expect(restart.stderr).toMatch(/Restore .* or delete .* to start empty on purpose/)
  }, 60_000)

  it('a second server on the same DATA_DIR refuses to start while the first runs; after a SIGKILL of the first, the next start takes over with every acknowledged edit', async () => {
    const dataDir = tempDir()
    const board = 'one-owner'
    const first = await serve({ DATA_DIR: dataDir })
    const ada = client(first, board)
    await ada.synced
    expect(await editAndSettle(ada, 'first')).toBe('acknowledged')

    const second = await runMainToExit({ DATA_DIR: dataDir })
    expect(second.code).toBe(1)
    expect(second.stdout).toBe('')
    expect(second.stderr).toContain(`in use by another Flowmap server (process ${first.child.pid}`)
    // The refused start left the first server as it was.
    expect(await editAndSettle(ada, 'after-refused-start')).toBe('acknowledged')
    ada.destroy()

    await kill(first)
    const next = await serve({ DATA_DIR: dataDir })
    expect(await idsSeenByNewClient(next, board)).toEqual(['shape:after-refused-start', 'shape:first'])
  }, 60_000)
})
