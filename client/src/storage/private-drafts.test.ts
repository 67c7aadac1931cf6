import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import {
  draftsOfBoard,
  forgetDrafts,
  openPrivateDrafts,
  type PrivateDraftRow,
  saveDraft,
} from './private-drafts.ts'

const opened: ReturnType<typeof openPrivateDrafts>[] = []
function open(name: string) {
  const db = openPrivateDrafts(name)
  opened.push(db)
  return db
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

function row(id: string, boardId = 'b1'): PrivateDraftRow {
  return {
    id,
    boardId,
    session: 7,
    revealId: `shape:r-${id}`,
    record: { id, type: 'note', typeName: 'shape' },
  }
}

describe('the private drafts store', () => {
  it('keeps a board’s drafts across a reopening (a reload), apart from other boards', async () => {
    const first = open('drafts-reload')
    await saveDraft(first, row('shape:a'))
    await saveDraft(first, row('shape:b'))
    await saveDraft(first, row('shape:c', 'b2'))
    first.close()
    const again = open('drafts-reload')
    expect((await draftsOfBoard(again, 'b1')).map((each) => each.id).sort()).toEqual(['shape:a', 'shape:b'])
    expect((await draftsOfBoard(again, 'b2')).map((each) => each.id)).toEqual(['shape:c'])
  })

  it('an edit replaces the draft but keeps its first reveal id; a reveal forgets it', async () => {
    const db = open('drafts-edit')
    await saveDraft(db, row('shape:a'))
    await saveDraft(db, {
      ...row('shape:a'),
      revealId: 'shape:other',
      record: { id: 'shape:a', type: 'note', x: 5 },
    })
    expect(await draftsOfBoard(db, 'b1')).toHaveLength(1)
    expect((await draftsOfBoard(db, 'b1'))[0]).toMatchObject({
      revealId: 'shape:r-shape:a',
      record: { x: 5 },
    })
    await forgetDrafts(db, ['shape:a'])
    expect(await draftsOfBoard(db, 'b1')).toEqual([])
  })

  it('skips rows that are not drafts instead of loading them into the page', async () => {
    const db = open('drafts-damaged')
    await db.drafts.put({ ...row('shape:a'), record: { id: 'shape:other', type: 'note' } })
    await db.drafts.put({ ...row('shape:b'), record: { id: 'shape:b', type: 'geo' } })
    await db.drafts.put({ id: 'shape:c', boardId: 'b1' } as PrivateDraftRow)
    expect(await draftsOfBoard(db, 'b1')).toEqual([])
  })
})
