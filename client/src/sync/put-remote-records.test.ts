import { remoteOrigin, writeRecords } from '@flowmap/shared'
import type { TLRecord, TLStore } from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardStore, pageRecords, stepRecord } from './board-records.test-support.ts'
import { loadDocIntoStore } from './load-doc-into-store.ts'
import { bindStoreToDoc, type StoreBinding } from './store-binding.ts'

const bindings: StoreBinding[] = []
afterEach(() => {
  for (const binding of bindings.splice(0)) binding.dispose()
})

/** Counts the store's after-create side effects on shapes, as tldraw's arrow binding util registers them. */
function countShapeCreateSideEffects(store: TLStore): { readonly calls: string[] } {
  const seen = { calls: [] as string[] }
  store.sideEffects.registerAfterCreateHandler('shape', (shape) => {
    seen.calls.push(shape.id)
  })
  return seen
}

function remoteWrite(doc: Y.Doc, records: TLRecord[]): void {
  writeRecords(doc, records, remoteOrigin)
}

describe('remote records into the store', () => {
  it("a board's first fill from the server goes in like a snapshot: no side effects, every record there", () => {
    const doc = new Y.Doc()
    const store = boardStore()
    expect(loadDocIntoStore(store, doc).ok).toBe(true)
    const sideEffects = countShapeCreateSideEffects(store)
    bindings.push(bindStoreToDoc({ store, doc, onRejectedRecord: (m) => expect.fail(m) }))

    remoteWrite(doc, [...pageRecords(), stepRecord('a'), stepRecord('b')])

    expect(store.has('shape:a' as TLRecord['id'])).toBe(true)
    expect(store.has('shape:b' as TLRecord['id'])).toBe(true)
    expect(sideEffects.calls).toEqual([])
    // The side effects are switched back on afterwards.
    expect((store.sideEffects as unknown as { isEnabled(): boolean }).isEnabled()).toBe(true)
  })

  it('later remote changes to a board that has content run the side effects, as local ones do', () => {
    const doc = new Y.Doc()
    remoteWrite(doc, [...pageRecords(), stepRecord('a')])
    const store = boardStore()
    expect(loadDocIntoStore(store, doc).ok).toBe(true)
    const sideEffects = countShapeCreateSideEffects(store)
    bindings.push(bindStoreToDoc({ store, doc, onRejectedRecord: (m) => expect.fail(m) }))

    remoteWrite(doc, [stepRecord('b')])

    expect(store.has('shape:b' as TLRecord['id'])).toBe(true)
    expect(sideEffects.calls).toEqual(['shape:b'])
  })

  it('a board loaded from the device is put into the store without re-running side effects', () => {
    const doc = new Y.Doc()
    remoteWrite(doc, [...pageRecords(), stepRecord('a')])
    const store = boardStore()
    const sideEffects = countShapeCreateSideEffects(store)
    expect(loadDocIntoStore(store, doc).ok).toBe(true)
    expect(store.has('shape:a' as TLRecord['id'])).toBe(true)
    expect(sideEffects.calls).toEqual([])
  })
})
