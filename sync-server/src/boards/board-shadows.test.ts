import { readRecord, recordIdsTouchedBy, workflowShape, writeRecord } from '@flowmap/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BoardShadow } from './board-shadows.ts'

function updateWriting(id: string): Uint8Array {
  const doc = new Y.Doc()
  writeRecord(doc, workflowShape('step', { id, props: { label: id } }))
  return Y.encodeStateAsUpdate(doc)
}

describe('board shadow', () => {
  it('reports what an update touched and whether it adds anything', () => {
    const shadow = new BoardShadow(new Y.Doc())
    const update = updateWriting('a')
    const first = shadow.tryUpdate(update)
    expect(first.changesContent).toBe(true)
    expect(first.clientId).not.toBeNull()
    expect([...recordIdsTouchedBy(first.transaction).changed]).toEqual(['shape:a'])
    expect(shadow.tryUpdate(update).changesContent).toBe(false)
  })

  it('a rebuild after a refusal drops the refused update but keeps updates still in flight', () => {
    const live = new Y.Doc()
    const shadow = new BoardShadow(new Y.Doc())
    const applied = updateWriting('applied')
    shadow.tryUpdate(applied)
    Y.applyUpdate(live, applied)
    // Admitted for connection A, not yet applied to the live doc by Hocuspocus.
    const connectionA = {}
    shadow.hold(connectionA, shadow.tryUpdate(updateWriting('in-flight')))
    shadow.tryUpdate(updateWriting('refused'))

    shadow.rebuild(live)
    expect(readRecord(shadow.doc, 'shape:applied')).toBeDefined()
    expect(readRecord(shadow.doc, 'shape:in-flight')).toBeDefined()
    expect(readRecord(shadow.doc, 'shape:refused')).toBeUndefined()
    // The rebuilt shadow still reports transactions.
    expect(shadow.tryUpdate(updateWriting('next')).changesContent).toBe(true)
  })
})
