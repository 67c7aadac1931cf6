import { readRecords, writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { connectBoard } from './testing/board-client.ts'
import { runMainToExit, type ServerProcess, spawnServerProcess } from './testing/server-process.ts'
import { useTempDirs } from './testing/temp-dirs.ts'

// Before the process hook, so it runs after it: the data dir goes once the process is killed.
const tempDir = useTempDirs()
let running: ServerProcess | null = null

afterEach(async () => {
  if (running !== null && running.child.exitCode === null && running.child.signalCode === null) {
    running.child.kill('SIGKILL')
    await running.exited
  }
  running = null
})

async function boardIds(server: ServerProcess, board: string): Promise<string[]> {
  const reader = connectBoard(server.collabUrl, board)
  await reader.synced
  const ids = readRecords(reader.doc)
    .map((record) => record.id)
    .sort()
  reader.destroy()
  return ids
}

describe('main.ts as a process', () => {
  it('loses no acknowledged edit when killed with SIGKILL right after the acknowledgement (20 times)', async () => {
    const dataDir = tempDir()
    const expected: string[] = []
    for (let round = 0; round < 20; round++) {
      running = await spawnServerProcess({ DATA_DIR: dataDir })
      const writer = connectBoard(running.collabUrl, 'crashy')
      await writer.synced
      expect(
        readRecords(writer.doc)
          .map((record) => record.id)
          .sort(),
      ).toEqual([...expected].sort())
      writeRecord(
        writer.doc,
        workflowShape('step', { id: `round-${round}`, props: { label: `Round ${round}` } }),
      )
      await writer.acknowledged()
      running.child.kill('SIGKILL')
      await running.exited
      writer.destroy()
      expected.push(`shape:round-${round}`)
    }
    running = await spawnServerProcess({ DATA_DIR: dataDir })
    expect(await boardIds(running, 'crashy')).toEqual([...expected].sort())
  }, 180_000)

  it('prints exactly one ready line, and on SIGTERM closes cleanly with exit 0 keeping its boards', async () => {
    const dataDir = tempDir()
    running = await spawnServerProcess({ DATA_DIR: dataDir })
    expect(running.stdout).toEqual([`Flowmap is running at ${running.url}`])
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const writer = connectBoard(running.collabUrl, 'graceful')
    await writer.synced
    writeRecord(writer.doc, workflowShape('step', { id: 'kept', props: { label: 'kept' } }))
    await writer.acknowledged()
    running.child.kill('SIGTERM')
    expect(await running.exited).toEqual({ code: 0, signal: null })
    writer.destroy()
    running = await spawnServerProcess({ DATA_DIR: dataDir })
    expect(await boardIds(running, 'graceful')).toEqual(['shape:kept'])
  })

  it('logs one JSON line per connect, refusal and disconnect, each with its board and user', async () => {
    const dataDir = tempDir()
    running = await spawnServerProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'info' })
    const writer = connectBoard(running.collabUrl, 'logged')
    await writer.synced
    // A step whose status is not one of todo|doing|done|blocked: refused, and logged as such.
    writeRecord(writer.doc, workflowShape('step', { id: 'bad', props: { status: 42 as never } }))
    const server = running
    // Hocuspocus prints its own text too (a closed connection's stack); the log lines are the JSON ones.
    const events = () =>
      server.stderr
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { event?: string; board?: string; user?: string | null })
        .filter((line) => line.board === 'logged')
    await vi.waitFor(() => expect(events().map((line) => line.event)).toContain('reject'), {
      timeout: 10_000,
    })
    writer.destroy()
    await vi.waitFor(() => expect(events().map((line) => line.event)).toContain('disconnect'), {
      timeout: 10_000,
    })
    for (const event of ['connect', 'reject', 'disconnect']) {
      expect(events().find((line) => line.event === event)).toMatchObject({ board: 'logged', user: 'local' })
    }
  })

  it('refuses to start with a bad or unsafe configuration, listing every problem', async () => {
    const result = await runMainToExit({ PORT: 'abc', HOST: '0.0.0.0', MAX_MESSAGE_BYTES: '12' })
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/PORT must be an integer/)
    expect(result.stderr).toMatch(/MAX_MESSAGE_BYTES must be a whole number/)
    expect(result.stderr).toMatch(/FLOWMAP_ALLOW_OPEN=1/)
  })
})

const STARTUP_SECRET = 'startup-link-test-secret-0123456789'

function tokenOf(link: string): string {
  const token = new URL(link).searchParams.get('token')
  if (token === null) throw new Error(`the ready line's link has no token: ${link}`)
  return token
}

describe('the ready line of main.ts with FLOWMAP_AUTH_SECRET set', () => {
  it('prints a home-page link whose token lists and creates boards, so a first-time operator can start', async () => {
    running = await spawnServerProcess({ DATA_DIR: tempDir(), FLOWMAP_AUTH_SECRET: STARTUP_SECRET })
    expect(running.stdout).toHaveLength(1)
    const link = new URL(running.readyUrl)
    expect(link.origin).toBe(running.url)
    expect(link.pathname).toBe('/')
    const authorization = `Bearer ${tokenOf(running.readyUrl)}`

    const created = await fetch(`${running.url}/api/boards`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'First board' }),
    })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }

    const listed = await fetch(`${running.url}/api/boards`, { headers: { authorization } })
    expect(listed.status).toBe(200)
    expect(JSON.stringify(await listed.json())).toContain(id)
  })

  it('gives the link a bounded life: FLOWMAP_STARTUP_LINK_HOURS sets its expiry', async () => {
    const before = Date.now()
    running = await spawnServerProcess({
      DATA_DIR: tempDir(),
      FLOWMAP_AUTH_SECRET: STARTUP_SECRET,
      FLOWMAP_STARTUP_LINK_HOURS: '2',
    })
    const payload = JSON.parse(
      Buffer.from(tokenOf(running.readyUrl).split('.')[1]!, 'base64url').toString(),
    ) as { exp: number; board: string; role: string }
    expect(payload).toMatchObject({ board: '*', role: 'facilitator' })
    expect(payload.exp * 1000).toBeGreaterThan(before + 2 * 3_600_000 - 60_000)
    expect(payload.exp * 1000).toBeLessThanOrEqual(Date.now() + 2 * 3_600_000 + 1000)
  })

  it('prints the plain address when auth is off: there is no token to give', async () => {
    running = await spawnServerProcess({ DATA_DIR: tempDir() })
    expect(running.readyUrl).toBe(running.url)
  })
})
