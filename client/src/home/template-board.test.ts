import 'fake-indexeddb/auto'
import { builtInTemplate, readBoard, readRecords, readRoles } from '@flowmap/shared'
import { afterEach, describe, expect, it } from 'vitest'
import type { createBoard } from '../app/create-board.ts'
import { type BoardDatabase, createBoardDatabase } from '../storage/board-database.ts'
import { listLocalBoards, openLocalBoard } from '../storage/local-board.ts'
import { createBoardFromTemplate } from './template-board.ts'

const opened: BoardDatabase[] = []
afterEach(() => {
  for (const db of opened.splice(0)) db.close()
})

function database(): BoardDatabase {
  const db = createBoardDatabase(`flowmap-template-${Math.random().toString(36).slice(2)}`)
  opened.push(db)
  return db
}

const onServer: typeof createBoard = async () => ({ boardId: 'srv1', source: 'server', note: null })
const offline: typeof createBoard = async () => ({
  boardId: 'local1',
  source: 'local',
  note: 'Created on this device: the server could not be reached.',
})
const swimlane = builtInTemplate('swimlane')!

function swimlaneBoard(db: BoardDatabase, create: typeof createBoard) {
  return createBoardFromTemplate({ db, token: null, title: 'Order to delivery', template: swimlane, create })
}

async function storedDoc(db: BoardDatabase, boardId: string) {
  const board = await openLocalBoard(db, boardId, { onStorageError: (message) => expect.fail(message) })
  const content = {
    records: readRecords(board.doc),
    roles: readRoles(board.doc),
    board: readBoard(board.doc),
  }
  board.discard()
  return content
}

describe('a new board from a template', () => {
  it("made on the server: the device's doc holds the template's records and roles, to send on first sync", async () => {
    const db = database()
    const created = await swimlaneBoard(db, onServer)
    expect(created).toMatchObject({ boardId: 'srv1', source: 'server', problem: null })
    const stored = await storedDoc(db, 'srv1')
    expect(stored.records).toHaveLength(swimlane.records.length)
    expect(stored.roles.map((role) => role.name).sort()).toEqual(['Customer', 'Operations', 'Sales'])
    // The server's doc has the title: writing it here too would be a second, concurrent title.
    expect(stored.board.title).not.toBe('Order to delivery')
  })

  it('made offline: the doc and the device list hold its title too, so it syncs whole later', async () => {
    const db = database()
    const created = await swimlaneBoard(db, offline)
    expect(created.source).toBe('local')
    const stored = await storedDoc(db, 'local1')
    expect(stored.records).toHaveLength(swimlane.records.length)
    expect(stored.board.title).toBe('Order to delivery')
    expect((await listLocalBoards(db)).map((board) => board.title)).toEqual(['Order to delivery'])
  })

  it('a blank board made on the server touches nothing on the device', async () => {
    const db = database()
    await createBoardFromTemplate({ db, token: null, title: 'Empty', template: null, create: onServer })
    expect(await listLocalBoards(db)).toEqual([])
  })
})
