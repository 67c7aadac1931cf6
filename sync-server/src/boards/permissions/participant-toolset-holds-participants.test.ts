import {
  deleteRecords,
  participantToolsetField,
  readRecord,
  writeBoard,
  writeRecords,
  writeWorkshopField,
} from '@flowmap/shared'
import { connector, noteShape } from '@flowmap/shared/testing'
import { describe, expect, it, vi } from 'vitest'
import {
  ARROW,
  expectNotStoredOrBroadcast,
  NOTE,
  openWorkshopBoard,
  refusalOf,
  STEP_ON_PAGE,
  type TLRecord,
  useWorkshopServer,
  type WorkshopBoard,
} from './workshop-board.test-support.ts'

const server = useWorkshopServer()
const limited = 'the facilitator has limited the tools to sticky notes and connectors'

async function restrictedBoard(board: string): Promise<WorkshopBoard> {
  const people = await openWorkshopBoard(server, board)
  writeWorkshopField(people.fay.doc, participantToolsetField, 'notes-connectors-votes')
  await people.fay.acknowledged()
  await vi.waitFor(() => expect(people.edna.doc.getMap('workshop').get('participantToolset')).toBeDefined())
  return people
}

function record(doc: import('yjs').Doc, id: string): TLRecord {
  return readRecord(doc, id) as TLRecord
}

describe('the participant toolset on the server', () => {
  it("refuses an editor's step change while restricted, stores and broadcasts nothing; the facilitator's is accepted", async () => {
    const board = 'toolset-step'
    const people = await restrictedBoard(board)
    const step = record(people.edna.doc, STEP_ON_PAGE)
    writeRecords(people.edna.doc, [{ ...step, x: 640 } as TLRecord])
    expect(await refusalOf(people.edna)).toMatchObject({
      code: 'not-permitted',
      recordId: STEP_ON_PAGE,
      reason: `${limited}: you cannot change a step`,
    })
    await expectNotStoredOrBroadcast(server, board, people, STEP_ON_PAGE, step)

    writeRecords(people.fay.doc, [{ ...record(people.fay.doc, STEP_ON_PAGE), x: 640 } as TLRecord])
    await people.fay.acknowledged()
    expect(people.fay.rejections).toEqual([])
  })

  it("accepts an editor's sticky notes and connectors while restricted: new, moved, relabelled, deleted", async () => {
    const board = 'toolset-notes'
    const { edna, wes } = await restrictedBoard(board)
    writeRecords(edna.doc, [
      noteShape({ id: 'idea', x: 300 }),
      { ...record(edna.doc, NOTE), x: 444 } as TLRecord,
      ...connector({ id: 'mine', from: 'onPage', to: 'idea' }),
    ] as TLRecord[])
    await edna.acknowledged()
    deleteRecords(edna.doc, [ARROW])
    await edna.acknowledged()
    expect(edna.rejections).toEqual([])
    await vi.waitFor(() => expect(readRecord(wes.doc, 'shape:idea')).toBeDefined())
    await vi.waitFor(() => expect(readRecord(wes.doc, ARROW)).toBeUndefined())
    expect(readRecord(wes.doc, NOTE)).toMatchObject({ x: 444 })
  })

  it('refuses adding a step, deleting one, turning a note into a step, and changing board fields', async () => {
    const cases: Array<{ what: string; write: (people: WorkshopBoard) => void; reason: string }> = [
      {
        what: 'add',
        write: ({ edna }) =>
          writeRecords(edna.doc, [{ ...record(edna.doc, STEP_ON_PAGE), id: 'shape:newStep' } as TLRecord]),
        reason: `${limited}: you cannot add a step`,
      },
      {
        what: 'delete',
        write: ({ edna }) => deleteRecords(edna.doc, [STEP_ON_PAGE]),
        reason: `${limited}: you cannot delete a step`,
      },
      {
        what: 'retype',
        write: ({ edna }) =>
          writeRecords(edna.doc, [{ ...record(edna.doc, STEP_ON_PAGE), id: NOTE } as TLRecord]),
        reason: `${limited}: you cannot change a`,
      },
      {
        what: 'title',
        write: ({ edna }) => writeBoard(edna.doc, { title: 'Mine now' }),
        reason: `${limited}: the board's title is the facilitator's to change`,
      },
    ]
    for (const { what, write, reason } of cases) {
      const people = await restrictedBoard(`toolset-${what}`)
      write(people)
      const refusal = await refusalOf(people.edna)
      expect(refusal.code).toBe('not-permitted')
      expect(refusal.reason.startsWith(reason)).toBe(true)
    }
  })
})
