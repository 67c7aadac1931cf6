import { writeRecords } from '@flowmap/shared'
import type { TLRecord } from 'tldraw'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardStore, pageRecords, stepRecord } from './board-records.test-support.ts'
import { loadDocIntoStore } from './load-doc-into-store.ts'

function userRecord(): TLRecord {
  return {
    id: 'user:this-device',
    typeName: 'user',
    name: 'Ada',
    color: '#e03131',
    imageUrl: '',
    meta: {},
  } as unknown as TLRecord
}

describe('loading a board doc into the store', () => {
  it('keeps the page and document of a board nobody has edited yet (a reset from an empty server doc left the editor without a page)', () => {
    const store = boardStore()
    store.put([...pageRecords(), userRecord()])
    const result = loadDocIntoStore(store, new Y.Doc())
    expect(result.ok).toBe(true)
    const types = store.allRecords().map((record) => record.typeName)
    expect(types).toContain('page')
    expect(types).toContain('document')
    expect(store.get('user:this-device' as TLRecord['id'])).toBeDefined()
  })

  it("holds exactly the doc's records once the doc has a page, this device's user record aside", () => {
    const store = boardStore()
    store.put([...pageRecords(), stepRecord('local-only'), userRecord()])
    const doc = new Y.Doc()
    writeRecords(doc, [...pageRecords(), stepRecord('from-server')])
    expect(loadDocIntoStore(store, doc).ok).toBe(true)
    const ids = store.allRecords().map((record) => record.id)
    expect(ids).toContain('shape:from-server')
    expect(ids).not.toContain('shape:local-only')
    expect(ids).toContain('user:this-device')
  })
})
