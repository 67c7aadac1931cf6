import { isDocOrigin, pendingOf, readRecord, recordIdsTouchedBy, writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BoardShadow, SHADOW_ORIGIN } from './board-shadows.ts'

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

  it('tries updates under the shadow origin, one of the shared DocOrigins', () => {
    const shadow = new BoardShadow(new Y.Doc())
    expect(isDocOrigin(SHADOW_ORIGIN)).toBe(true)
    expect(shadow.tryUpdate(updateWriting('a')).transaction.origin).toBe(SHADOW_ORIGIN)
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

describe('board shadow: nothing pending', () => {
  function twoUpdates(): [Uint8Array, Uint8Array] {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    writeRecord(doc, workflowShape('step', { id: 'a', props: { label: 'first' } }))
    writeRecord(doc, workflowShape('step', { id: 'a', props: { label: 'second' } }))
    return [updates[0]!, updates[1]!]
  }

  it('reports what an update depends on that the shadow lacks, per client and clock', () => {
    const [first, second] = twoUpdates()
    const shadow = new BoardShadow(new Y.Doc())
    const admitted = shadow.tryUpdate(second)
    expect(admitted.missing).not.toBeNull()
    const [client, clock] = [...admitted.missing!.structs][0]!
    expect(client).toBe(Y.parseUpdateMeta(first).from.keys().next().value)
    expect(clock).toBeGreaterThan(0)
    expect(new BoardShadow(new Y.Doc()).tryUpdate(first).missing).toBeNull()
  })

  it('a board loaded with pending structs (stored before they were refused) has them dropped', () => {
    const [, second] = twoUpdates()
    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, second)
    expect(pendingOf(loaded)).not.toBeNull()
    const shadow = new BoardShadow(loaded)
    expect(pendingOf(shadow.doc)).toBeNull()
    expect(shadow.tryUpdate(updateWriting('b')).missing).toBeNull()
  })
})
