import { deleteRecords, metaWithShapeLock, patchRecord, readRecord, writeRecords } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it, vi } from 'vitest'
import { TEST_SECRET } from '../../testing/test-server.ts'
import { useTestServer } from '../../testing/use-test-server.ts'
import {
  ARROW,
  expectNotStoredOrBroadcast,
  FAY,
  LANE,
  NOTE,
  openWorkshopBoard,
  refusalOf,
  STEP_IN_LANE,
  STEP_ON_PAGE,
  type TLRecord,
} from './workshop-board.test-support.ts'

const server = useTestServer({ per: 'suite', config: { authSecret: TEST_SECRET } })

const laneLockedReason =
  'the lane this sits in is locked by Fay: only facilitators can change what is inside it until it is unlocked'

function record(doc: import('yjs').Doc, id: string): TLRecord {
  const found = readRecord(doc, id)
  if (found === undefined) throw new Error(`no ${id}`)
  return found
}

function moved(doc: import('yjs').Doc, id: string, change: Partial<TLRecord>): TLRecord {
  return { ...record(doc, id), ...change } as TLRecord
}

describe('shape locks on the server', () => {
  it("refuses an editor's move of a locked step, stores and broadcasts nothing of it; the facilitator's same move is accepted", async () => {
    const board = 'lock-step'
    const people = await openWorkshopBoard(server, board)
    const { fay, edna, wes } = people
    writeRecords(fay.doc, [
      { ...record(fay.doc, STEP_ON_PAGE), meta: metaWithShapeLock({}, FAY) } as TLRecord,
    ])
    await fay.acknowledged()
    await vi.waitFor(() => expect(record(edna.doc, STEP_ON_PAGE).meta).toHaveProperty('facilitatorLock'))
    const before = record(edna.doc, STEP_ON_PAGE)

    writeRecords(edna.doc, [moved(edna.doc, STEP_ON_PAGE, { x: 999 } as never)])
    expect(await refusalOf(edna)).toMatchObject({
      code: 'not-permitted',
      recordId: STEP_ON_PAGE,
      reason: 'this step is locked by Fay: only facilitators can change it until it is unlocked',
    })
    await expectNotStoredOrBroadcast(server, board, people, STEP_ON_PAGE, before)

    writeRecords(fay.doc, [moved(fay.doc, STEP_ON_PAGE, { x: 999 } as never)])
    await fay.acknowledged()
    expect(fay.rejections).toEqual([])
    await vi.waitFor(() => expect(record(wes.doc, STEP_ON_PAGE)).toMatchObject({ x: 999 }))
  })

  it("refuses an editor's change to a step inside a locked lane, and moving it out of the lane", async () => {
    const board = 'lock-lane-child'
    const people = await openWorkshopBoard(server, board, { lockLane: true })
    const before = record(people.edna.doc, STEP_IN_LANE)
    writeRecords(people.edna.doc, [moved(people.edna.doc, STEP_IN_LANE, { x: 77 } as never)])
    expect(await refusalOf(people.edna)).toMatchObject({
      code: 'not-permitted',
      recordId: STEP_IN_LANE,
      reason: laneLockedReason,
    })
    await expectNotStoredOrBroadcast(server, board, people, STEP_IN_LANE, before)

    const again = await openWorkshopBoard(server, `${board}-out`, { lockLane: true })
    const stayed = record(again.edna.doc, STEP_IN_LANE)
    writeRecords(again.edna.doc, [moved(again.edna.doc, STEP_IN_LANE, { parentId: 'page:page' } as never)])
    expect(await refusalOf(again.edna)).toMatchObject({ code: 'not-permitted', reason: laneLockedReason })
    await expectNotStoredOrBroadcast(server, `${board}-out`, again, STEP_IN_LANE, stayed)

    writeRecords(again.fay.doc, [moved(again.fay.doc, STEP_IN_LANE, { parentId: 'page:page' } as never)])
    await again.fay.acknowledged()
    expect(again.fay.rejections).toEqual([])
  })

  it("refuses an editor's new shape inside a locked lane, and moving a shape into it", async () => {
    const board = 'lock-lane-create'
    const people = await openWorkshopBoard(server, board, { lockLane: true })
    writeRecords(people.edna.doc, [workflowShape('step', { id: 'sneaky', parentId: LANE })] as TLRecord[])
    expect(await refusalOf(people.edna)).toMatchObject({
      code: 'not-permitted',
      recordId: 'shape:sneaky',
      reason: laneLockedReason,
    })
    await expectNotStoredOrBroadcast(server, board, people, 'shape:sneaky', undefined)

    const into = await openWorkshopBoard(server, `${board}-into`, { lockLane: true })
    const stayed = record(into.edna.doc, STEP_ON_PAGE)
    writeRecords(into.edna.doc, [moved(into.edna.doc, STEP_ON_PAGE, { parentId: LANE } as never)])
    expect(await refusalOf(into.edna)).toMatchObject({ code: 'not-permitted', reason: laneLockedReason })
    await expectNotStoredOrBroadcast(server, `${board}-into`, into, STEP_ON_PAGE, stayed)
  })

  it("refuses an editor's delete of a locked lane (with its step), and of a step inside it", async () => {
    const board = 'lock-delete'
    const people = await openWorkshopBoard(server, board, { lockLane: true })
    const lane = record(people.edna.doc, LANE)
    deleteRecords(people.edna.doc, [STEP_IN_LANE, LANE])
    expect(await refusalOf(people.edna)).toMatchObject({ code: 'not-permitted' })
    expect(people.edna.rejections[0]?.reason).toMatch(/locked by Fay: only facilitators can change/)
    await expectNotStoredOrBroadcast(server, board, people, LANE, lane)
    expect(readRecord(people.wes.doc, STEP_IN_LANE)).toBeDefined()

    const child = await openWorkshopBoard(server, `${board}-child`, { lockLane: true })
    const step = record(child.edna.doc, STEP_IN_LANE)
    deleteRecords(child.edna.doc, [STEP_IN_LANE])
    expect(await refusalOf(child.edna)).toMatchObject({ code: 'not-permitted', reason: laneLockedReason })
    await expectNotStoredOrBroadcast(server, `${board}-child`, child, STEP_IN_LANE, step)

    deleteRecords(child.fay.doc, [STEP_IN_LANE])
    await child.fay.acknowledged()
    expect(child.fay.rejections).toEqual([])
    await vi.waitFor(() => expect(readRecord(child.wes.doc, STEP_IN_LANE)).toBeUndefined())
  })

  it('refuses an editor removing or setting a lock; a facilitator unlocks', async () => {
    const board = 'lock-remove'
    const people = await openWorkshopBoard(server, board, { lockLane: true })
    const lane = record(people.edna.doc, LANE)
    patchRecord(people.edna.doc, LANE, lane, { ...lane, meta: {} } as TLRecord)
    expect(await refusalOf(people.edna)).toMatchObject({
      code: 'not-permitted',
      recordId: LANE,
      reason: "only a facilitator can lock or unlock a lane (locks keep a workshop's map in place)",
    })
    await expectNotStoredOrBroadcast(server, board, people, LANE, lane)

    const setting = await openWorkshopBoard(server, `${board}-set`)
    const note = record(setting.edna.doc, NOTE)
    writeRecords(setting.edna.doc, [{ ...note, meta: metaWithShapeLock(note.meta, FAY) } as TLRecord])
    expect(await refusalOf(setting.edna)).toMatchObject({ code: 'not-permitted', recordId: NOTE })
    await expectNotStoredOrBroadcast(server, `${board}-set`, setting, NOTE, note)

    const locked = record(people.fay.doc, LANE)
    patchRecord(people.fay.doc, LANE, locked, { ...locked, meta: {} } as TLRecord)
    await people.fay.acknowledged()
    expect(people.fay.rejections).toEqual([])
    await vi.waitFor(() => expect(record(people.wes.doc, LANE).meta).toEqual({}))
  })

  it("accepts an editor's edits outside the lock, and a new connector to a locked step", async () => {
    const board = 'lock-outside'
    const { edna, wes } = await openWorkshopBoard(server, board, { lockLane: true })
    writeRecords(edna.doc, [
      moved(edna.doc, STEP_ON_PAGE, { x: 1234 } as never),
      moved(edna.doc, NOTE, { y: 55 } as never),
      {
        id: 'binding:new-end',
        typeName: 'binding',
        type: 'arrow',
        fromId: ARROW,
        toId: LANE,
        meta: {},
        props: {
          terminal: 'end',
          normalizedAnchor: { x: 0.5, y: 0.5 },
          isExact: false,
          isPrecise: false,
          snap: 'none',
        },
      } as unknown as TLRecord,
    ])
    await edna.acknowledged()
    expect(edna.rejections).toEqual([])
    await vi.waitFor(() => expect(readRecord(wes.doc, 'binding:new-end')).toBeDefined())
  })

  it("refuses a facilitator's lock the parser does not read", async () => {
    const board = 'lock-malformed'
    const { fay } = await openWorkshopBoard(server, board)
    writeRecords(fay.doc, [
      { ...record(fay.doc, NOTE), meta: { facilitatorLock: { by: 'fay' } } } as TLRecord,
    ])
    expect(await refusalOf(fay)).toMatchObject({
      code: 'invalid-record',
      reason: expect.stringMatching(/^meta\.facilitatorLock \.name must be/),
    })
  })
})
