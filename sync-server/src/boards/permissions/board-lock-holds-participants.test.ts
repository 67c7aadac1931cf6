import { readRecord, writeRecords, writeRole } from '@flowmap/shared'
import { legalRole } from '@flowmap/shared/testing'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { testToken } from '../../testing/test-tokens.ts'
import {
  expectNotStoredOrBroadcast,
  join,
  lockBoard,
  NOTE,
  noteRecord,
  openWorkshopBoard,
  refusalOf,
  STEP_ON_PAGE,
  type TLRecord,
  useWorkshopServer,
} from './workshop-board.test-support.ts'

const server = useWorkshopServer()
const lockedReason = 'the board is locked by Fay: only facilitators can edit until it is unlocked'

describe('the board lock on the server', () => {
  it("refuses an editor's edit while the board is locked, stores and broadcasts nothing; the facilitator edits", async () => {
    const board = 'board-locked'
    const people = await openWorkshopBoard(server, board)
    await lockBoard(people.fay)
    const note = readRecord(people.edna.doc, NOTE) as TLRecord
    await vi.waitFor(() => expect(people.edna.doc.getMap('workshop').get('boardLock')).toBeDefined())
    writeRecords(people.edna.doc, [{ ...note, x: 5 } as TLRecord])
    expect(await refusalOf(people.edna)).toMatchObject({
      code: 'not-permitted',
      reason: lockedReason,
      recordId: null,
    })
    await expectNotStoredOrBroadcast(server, board, people, NOTE, note)

    writeRecords(people.fay.doc, [{ ...(readRecord(people.fay.doc, NOTE) as TLRecord), x: 5 } as TLRecord])
    await people.fay.acknowledged()
    expect(people.fay.rejections).toEqual([])
    await vi.waitFor(() => expect(readRecord(people.wes.doc, NOTE)).toMatchObject({ x: 5 }))
  })

  it('refuses new records and role changes while locked', async () => {
    const board = 'board-locked-new'
    const people = await openWorkshopBoard(server, board)
    await lockBoard(people.fay)
    await vi.waitFor(() => expect(people.edna.doc.getMap('workshop').get('boardLock')).toBeDefined())
    writeRecords(people.edna.doc, [noteRecord('shape:fresh')])
    expect(await refusalOf(people.edna)).toMatchObject({ code: 'not-permitted', reason: lockedReason })
    await expectNotStoredOrBroadcast(server, board, people, 'shape:fresh', undefined)

    const other = await join(server, board, 'otto', 'editor')
    writeRole(other.doc, legalRole)
    expect(await refusalOf(other)).toMatchObject({ code: 'not-permitted', reason: lockedReason })
  })

  it('lets a participant connect to a locked board: its handshake brings nothing new and passes', async () => {
    const board = 'board-locked-join'
    const people = await openWorkshopBoard(server, board)
    await lockBoard(people.fay)
    const late = await join(server, board, 'lena', 'editor')
    // A page that already holds the board (a reload) sends it all back in its SyncStep2.
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(late.doc))
    server.end(late)
    const reload = server.connect(board, {
      token: await testToken({ sub: 'lena', board, role: 'editor' }),
      doc: copy,
    })
    await reload.synced
    writeRecords(people.fay.doc, [
      { ...(readRecord(people.fay.doc, STEP_ON_PAGE) as TLRecord), x: 3 } as TLRecord,
    ])
    await people.fay.acknowledged()
    await vi.waitFor(() => expect(readRecord(reload.doc, STEP_ON_PAGE)).toMatchObject({ x: 3 }))
    expect(late.rejections).toEqual([])
    expect(reload.rejections).toEqual([])
  })
})
