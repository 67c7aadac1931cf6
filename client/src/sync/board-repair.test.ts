import { readRecord } from '@flowmap/shared'
import type { TLRecord, TLShapeId, TLStore } from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardStore, PAGE_ID, pageRecords, stepRecord } from './board-records.test-support.ts'
import { loadDocIntoStore } from './load-doc-into-store.ts'
import { bindStoreToDoc, type StoreBinding } from './store-binding.ts'

const bindings: StoreBinding[] = []
afterEach(() => {
  for (const binding of bindings.splice(0)) binding.dispose()
})

function client(): { doc: Y.Doc; store: TLStore; binding: StoreBinding } {
  const doc = new Y.Doc()
  const store = boardStore()
  loadDocIntoStore(store, doc)
  const binding = bindStoreToDoc({ store, doc })
  bindings.push(binding)
  return { doc, store, binding }
}

function laneRecord(id: string): TLRecord {
  return {
    ...stepRecord(id),
    type: 'lane',
    props: { w: 960, h: 200, label: 'Finance', roleId: null },
  } as unknown as TLRecord
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'network')
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'network')
}

describe('repair after a merge', () => {
  it('moves a step to the page when someone deleted the lane it was dropped into', () => {
    const alice = client()
    const bob = client()
    alice.store.put([...pageRecords(), laneRecord('lane'), stepRecord('step')])
    alice.binding.flushLocalChanges()
    exchange(alice.doc, bob.doc)

    // Concurrently: Alice deletes the lane, Bob drops the step into it.
    alice.store.remove(['shape:lane' as TLShapeId])
    bob.store.update('shape:step' as TLShapeId, (r) => ({ ...r, parentId: 'shape:lane' }) as typeof r)
    alice.binding.flushLocalChanges()
    bob.binding.flushLocalChanges()
    exchange(alice.doc, bob.doc)
    exchange(alice.doc, bob.doc)

    for (const { store, doc } of [alice, bob]) {
      expect(store.get('shape:lane' as TLShapeId)).toBeUndefined()
      expect(store.get('shape:step' as TLShapeId)).toMatchObject({ parentId: PAGE_ID })
      expect(readRecord(doc, 'shape:step')).toMatchObject({ parentId: PAGE_ID })
    }
  })
})
