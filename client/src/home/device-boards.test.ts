import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { countStoredUpdates } from '../storage/board-compaction.ts'
import { type BoardDatabase, type BoardRow, createBoardDatabase } from '../storage/board-database.ts'
import { openHistoryCache } from '../storage/history-cache.ts'
import { listLocalBoards, openLocalBoard } from '../storage/local-board.ts'
import { createBoardModel } from '../sync/board-model.ts'
import { deviceBoardPreview, removeDeviceBoard, renameDeviceBoard } from './device-boards.ts'

const opened: BoardDatabase[] = []
afterEach(() => {
  for (const db of opened.splice(0)) db.close()
})

function database(name = `flowmap-home-${Math.random().toString(36).slice(2)}`): BoardDatabase {
  const db = createBoardDatabase(name)
  opened.push(db)
  return db
}

const noStorageErrors = { onStorageError: (message: string) => expect.fail(message) }

describe('boards on this device, from the home page', () => {
  it('a rename reaches the stored doc and the list, and survives reopening', async () => {
    const db = database()
    const board = await openLocalBoard(db, 'b1', noStorageErrors)
    createBoardModel(board.doc).setTitle('First name')
    board.discard()

    await renameDeviceBoard(db, 'b1', 'Second name')
    expect((await listLocalBoards(db)).map((b) => b.title)).toEqual(['Second name'])
    const reopened = await openLocalBoard(db, 'b1', noStorageErrors)
    expect(createBoardModel(reopened.doc).meta.get().title).toBe('Second name')
    reopened.discard()
  })

  it('removing a board forgets its row, its stored updates and its copy of the history', async () => {
    const db = database()
    // A stored board as the device keeps one: y-dexie stores a doc given to add() as its first update.
    const doc = new Y.Doc()
    createBoardModel(doc).setTitle('Temporary')
    await db.boards.add({ id: 'gone', title: 'Temporary', lastOpened: 1, lastSynced: 0, doc } as BoardRow)
    expect(await countStoredUpdates(db, 'gone')).toBeGreaterThan(0)

    const history = openHistoryCache(`${db.name}-history`)
    const entry = { seq: 1, time: 1, userId: 'ada', clientId: 7, update: new Uint8Array([0, 0]) }
    await history.append('gone', [entry], { ada: 'Ada' })
    await history.append('kept', [entry], {})

    await removeDeviceBoard(db, 'gone', history)
    expect(await listLocalBoards(db)).toEqual([])
    // Its copy of the history goes too; another board's stays.
    expect(await history.read('gone')).toEqual({ entries: [], names: {} })
    expect((await history.read('kept')).entries).toHaveLength(1)
    history.close()
    expect(await countStoredUpdates(db, 'gone')).toBe(0)
    // A new page load (a new database handle, no docs cached in memory) finds nothing of it.
    db.close()
    const again = await openLocalBoard(database(db.name), 'gone', noStorageErrors)
    expect(createBoardModel(again.doc).meta.get().title).not.toBe('Temporary')
    again.discard()
  })

  it('a board not on the device has no preview, and renaming it says so', async () => {
    const db = database()
    expect(await deviceBoardPreview(db, 'missing')).toBeNull()
    await expect(renameDeviceBoard(db, 'missing', 'x')).rejects.toThrow(/not on this device/)
  })
})
