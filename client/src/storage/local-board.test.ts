import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { compactBoardIfNeeded, countStoredUpdates } from './board-compaction.ts'
import { type BoardDatabase, createBoardDatabase } from './board-database.ts'
import { listLocalBoards, openLocalBoard, replaceLocalBoardState } from './local-board.ts'

const opened: BoardDatabase[] = []
let dbCounter = 0

function freshName(): string {
  dbCounter += 1
  return `flowmap-test-${dbCounter}-${Math.random().toString(36).slice(2)}`
}

function database(name: string): BoardDatabase {
  const db = createBoardDatabase(name)
  opened.push(db)
  return db
}

const storageErrors: string[] = []
const options = { onStorageError: (message: string) => storageErrors.push(message) }

afterEach(() => {
  for (const db of opened.splice(0)) db.close()
  expect(storageErrors).toEqual([])
})

describe('local board storage (y-dexie)', () => {
  it('keeps a board doc across closing and reopening the database', async () => {
    const name = freshName()
    const first = database(name)
    const board = await openLocalBoard(first, 'b1', options)
    expect(board.createdOnDevice).toBe(true)
    board.doc.getMap('records').set('shape:a', 'x')
    board.doc.getMap('board').set('title', 'Onboarding')
    await board.setTitle('Onboarding')
    // y-dexie writes asynchronously; wait until the update rows are there.
    await expect.poll(() => countStoredUpdates(first, 'b1')).toBe(2)
    board.release()
    first.close()

    const second = database(name)
    const again = await openLocalBoard(second, 'b1', options)
    expect(again.createdOnDevice).toBe(false)
    expect(again.doc.getMap('records').get('shape:a')).toBe('x')
    expect(again.doc.getMap('board').get('title')).toBe('Onboarding')
    expect(await listLocalBoards(second)).toEqual([
      { id: 'b1', title: 'Onboarding', lastOpened: expect.any(Number), lastSynced: 0 },
    ])
    await again.markSynced(1234)
    expect((await listLocalBoards(second))[0]?.lastSynced).toBe(1234)
    again.release()
  })

  it('compacts a board past the threshold into one stored update with the same content', async () => {
    const name = freshName()
    const db = database(name)
    const board = await openLocalBoard(db, 'b2', options)
    const map = board.doc.getMap<number>('records')
    for (let i = 0; i < 60; i++) map.set(`k${i}`, i)
    await expect.poll(() => countStoredUpdates(db, 'b2')).toBe(60)
    expect(await compactBoardIfNeeded(db, 'b2', 100)).toBe(false)
    expect(await compactBoardIfNeeded(db, 'b2', 50)).toBe(true)
    expect(await countStoredUpdates(db, 'b2')).toBe(1)
    board.release()
    db.close()

    const reopened = await openLocalBoard(database(name), 'b2', options)
    const reread = reopened.doc.getMap<number>('records')
    expect(reread.size).toBe(60)
    expect(reread.get('k59')).toBe(59)
    reopened.release()
  })

  it('replaces a board state so the next open loads only the new state, in a new Y.Doc', async () => {
    const name = freshName()
    const db = database(name)
    const board = await openLocalBoard(db, 'b3', options)
    board.doc.getMap('records').set('refused', true)
    await expect.poll(() => countStoredUpdates(db, 'b3')).toBe(1)
    const oldClientId = board.doc.clientID
    board.discard()

    const serverState = new Y.Doc()
    serverState.getMap('records').set('accepted', true)
    await replaceLocalBoardState(db, 'b3', serverState)

    const reopened = await openLocalBoard(db, 'b3', options)
    expect(reopened.doc.getMap('records').toJSON()).toEqual({ accepted: true })
    expect(reopened.doc.clientID).not.toBe(oldClientId)
    reopened.release()
  })
})
