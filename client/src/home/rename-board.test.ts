/**
 * Renaming from the home page against the real server (in-process, port 0) with y-dexie on
 * fake-indexeddb: the title goes into the board's doc and reaches the server's list and every reader.
 */
import 'fake-indexeddb/auto'
import { readBoard, writeBoard } from '@flowmap/shared'
import { createBoardOverApi, requestJson } from '@flowmap/sync-server/testing/http-client'
import { TEST_SECRET } from '@flowmap/sync-server/testing/test-server'
import { testToken } from '@flowmap/sync-server/testing/test-tokens'
import { useTestServer } from '@flowmap/sync-server/testing/use-test-server'
import { afterEach, describe, expect, it } from 'vitest'
import { type BoardDatabase, createBoardDatabase } from '../storage/board-database.ts'
import { listLocalBoards, openLocalBoard } from '../storage/local-board.ts'
import { renameBoard } from './rename-board.ts'

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture named as the server tests name it, not a React hook
const testServer = useTestServer()
const databases: BoardDatabase[] = []
afterEach(() => {
  for (const db of databases.splice(0)) db.close()
})

function device(): BoardDatabase {
  const db = createBoardDatabase(`flowmap-rename-${Math.random().toString(36).slice(2)}`)
  databases.push(db)
  return db
}

async function listedTitle(url: string, id: string): Promise<string | undefined> {
  const list = (await requestJson(`${url}/api/boards`)).body as { boards: { id: string; title: string }[] }
  return list.boards.find((board) => board.id === id)?.title
}

describe('renaming a board from the home page', () => {
  it("a board on this device: the doc, the device list, the server's list and another reader get the name", async () => {
    const { server, collabUrl } = await testServer.start({ snapshotDebounceMs: 600_000 })
    const id = await createBoardOverApi(server.url, { title: 'Untitled board' })
    const db = device()
    // Opened once before, as the board page would: the device holds the board.
    const opened = await openLocalBoard(db, id, { onStorageError: (message) => expect.fail(message) })
    opened.release()

    const result = await renameBoard({
      db,
      boardId: id,
      title: 'Onboarding',
      onDevice: true,
      token: null,
      collabUrl,
      track: () => {},
    })
    expect(result).toEqual({ shared: true })
    expect(await listedTitle(server.url, id)).toBe('Onboarding')
    const [row] = await listLocalBoards(db)
    expect(row).toMatchObject({ title: 'Onboarding' })
    expect(row!.lastSynced).toBeGreaterThanOrEqual(row!.renamedAt!)
    const reader = testServer.connect(id)
    await reader.synced
    expect(readBoard(reader.doc).title).toBe('Onboarding')
  })

  it('a board only on the server is renamed over the connection alone, and a live reader sees it', async () => {
    const { server, collabUrl } = await testServer.start()
    const id = await createBoardOverApi(server.url, { title: 'Untitled board' })
    const watcher = testServer.connect(id)
    await watcher.synced
    const result = await renameBoard({
      db: null,
      boardId: id,
      title: 'Payroll',
      onDevice: false,
      token: null,
      collabUrl,
      track: () => {},
    })
    expect(result).toEqual({ shared: true })
    await expect.poll(() => readBoard(watcher.doc).title).toBe('Payroll')
    expect(await listedTitle(server.url, id)).toBe('Payroll')
  })

  it("a viewer's rename is refused: the server keeps the title and the device list goes back to it", async () => {
    const { server, collabUrl } = await testServer.start({ authSecret: TEST_SECRET })
    const admin = await testToken({ sub: 'f', name: 'Fay', board: '*', role: 'facilitator' })
    const id = await createBoardOverApi(server.url, { title: 'Payroll', token: admin })
    const viewer = await testToken({ sub: 'v', name: 'Vic', board: id, role: 'viewer' })
    const db = device()
    const opened = await openLocalBoard(db, id, { onStorageError: (message) => expect.fail(message) })
    await opened.setTitle('Payroll')
    opened.release()
    const result = await renameBoard({
      db,
      boardId: id,
      title: 'Hacked',
      onDevice: true,
      token: viewer,
      collabUrl,
      track: () => {},
    })
    expect(result).toMatchObject({
      shared: false,
      keptOnDevice: false,
      reason: expect.stringMatching(/viewer/),
    })
    const list = (await requestJson(`${server.url}/api/boards`, { token: admin })).body as {
      boards: { id: string; title: string }[]
    }
    expect(list.boards.find((board) => board.id === id)?.title).toBe('Payroll')
    expect((await listLocalBoards(db))[0]).toMatchObject({ title: 'Payroll' })
    expect((await listLocalBoards(db))[0]?.renamedAt).toBeUndefined()
  })

  it('offline, the rename stays on the device, marked as not yet on the server', async () => {
    const db = device()
    const opened = await openLocalBoard(db, 'offline-board', {
      onStorageError: (message) => expect.fail(message),
    })
    writeBoard(opened.doc, { title: 'Sketch' })
    opened.release()
    // Nothing listens on this port: the send fails fast.
    const result = await renameBoard({
      db,
      boardId: 'offline-board',
      title: 'Renamed offline',
      onDevice: true,
      token: null,
      collabUrl: 'ws://127.0.0.1:9/collab',
      track: (send) => setTimeout(() => send.cancel(), 200),
    })
    expect(result).toMatchObject({ shared: false, keptOnDevice: true })
    const [row] = await listLocalBoards(db)
    expect(row).toMatchObject({ title: 'Renamed offline', lastSynced: 0 })
    expect(row!.renamedAt).toBeGreaterThan(0)
  })
})
