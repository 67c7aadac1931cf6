import { workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { declareBoardRoots } from './doc-maps.ts'
import { deleteRecords, patchRecord, readRecord, writeRecords } from './records.ts'
import { recordsBefore } from './records-before.ts'

/** Applies `change` (made on a peer) to `doc`, capturing what the touched records held before. */
function beforeOf(doc: Y.Doc, change: (peer: Y.Doc) => void) {
  const peer = new Y.Doc()
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
  const vector = Y.encodeStateVector(peer)
  change(peer)
  let captured: ReturnType<typeof recordsBefore> | null = null
  const capture = (transaction: Y.Transaction) => {
    captured = recordsBefore(transaction)
  }
  doc.on('afterTransaction', capture)
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, vector))
  doc.off('afterTransaction', capture)
  return captured as unknown as ReturnType<typeof recordsBefore>
}

describe('recordsBefore', () => {
  const lane = workflowShape('lane', { id: 'lane', meta: { facilitatorLock: 'x' } })
  const step = workflowShape('step', { id: 'step', parentId: 'shape:lane', x: 5 })

  function board(): Y.Doc {
    const doc = declareBoardRoots(new Y.Doc())
    writeRecords(doc, [lane, step] as never)
    return doc
  }

  it('gives a deleted record whole, as it was', () => {
    const before = beforeOf(board(), (peer) => deleteRecords(peer, ['shape:lane', 'shape:step']))
    expect(before.get('shape:step')).toEqual(step)
    expect(before.get('shape:lane')).toEqual(lane)
  })

  it('gives the old values of changed fields and of a removed meta key, and null for a new record', () => {
    const before = beforeOf(board(), (peer) => {
      patchRecord(peer, 'shape:step', step as never, { ...step, x: 99, parentId: 'page:page' } as never)
      patchRecord(peer, 'shape:lane', lane as never, { ...lane, meta: {} } as never)
      writeRecords(peer, [workflowShape('step', { id: 'new' })] as never)
    })
    expect(before.get('shape:step')).toMatchObject({ x: 5, parentId: 'shape:lane' })
    expect(before.get('shape:lane')).toMatchObject({ meta: { facilitatorLock: 'x' } })
    expect(before.get('shape:new')).toBeNull()
  })

  it('leaves untouched records out, and reads the doc after as Yjs does', () => {
    const doc = board()
    const before = beforeOf(doc, (peer) =>
      patchRecord(peer, 'shape:step', step as never, { ...step, x: 1 } as never),
    )
    expect([...before.keys()]).toEqual(['shape:step'])
    expect(readRecord(doc, 'shape:step')).toMatchObject({ x: 1 })
  })
})
