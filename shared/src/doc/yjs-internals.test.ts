import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { dropPending, parentOf, pendingOf, rootNamed, rootNameOf, rootOf } from './yjs-internals.ts'

function nestedDoc() {
  const doc = new Y.Doc()
  const records = doc.getMap<Y.Map<unknown>>('records')
  const record = new Y.Map<unknown>()
  records.set('shape:a', record)
  const props = new Y.Map<unknown>()
  record.set('props', props)
  const list = new Y.Array<Y.Map<unknown>>()
  props.set('points', list)
  const point = new Y.Map<unknown>()
  list.push([point])
  return { doc, records, record, props, list, point }
}

describe('where a shared type sits', () => {
  test('parentOf names the parent and the key; a type in a sequence has no key', () => {
    const { records, record, props, list, point } = nestedDoc()
    expect(parentOf(record)).toEqual({ parent: records, key: 'shape:a' })
    expect(parentOf(props)).toEqual({ parent: record, key: 'props' })
    expect(parentOf(point)).toEqual({ parent: list, key: null })
  })

  test('a top-level type, and one not yet in any doc, have no parent', () => {
    const { records } = nestedDoc()
    expect(parentOf(records)).toBeNull()
    expect(parentOf(new Y.Map())).toBeNull()
  })

  test('rootOf climbs any depth to the top-level type; rootNameOf names it', () => {
    const { doc, records, point } = nestedDoc()
    expect(rootOf(point)).toBe(records)
    expect(rootOf(records)).toBe(records)
    expect(rootNameOf(doc, records)).toBe('records')
  })

  test('a type the doc holds under no top-level name has none; an unknown name has no type', () => {
    const { doc, record } = nestedDoc()
    expect(rootNameOf(doc, record)).toBeNull()
    expect(rootNamed(doc, 'notes')).toBeUndefined()
    expect(rootNamed(doc, 'records')).toBe(doc.getMap('records'))
  })
})

describe('what Yjs holds back for a missing dependency', () => {
  /** Two updates of one client, the second depending on the first; and one deleting what the first made. */
  function dependentUpdates(): { first: Uint8Array; second: Uint8Array; deletion: Uint8Array } {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    doc.getMap('records').set('a', 1)
    doc.getMap('records').set('b', 2)
    doc.getMap('records').delete('a')
    const [first, second, deletion] = updates as [Uint8Array, Uint8Array, Uint8Array]
    return { first, second, deletion }
  }

  test('a doc that took complete updates has nothing pending', () => {
    const { first, second } = dependentUpdates()
    const doc = new Y.Doc()
    Y.applyUpdate(doc, first)
    Y.applyUpdate(doc, second)
    expect(pendingOf(doc)).toBeNull()
  })

  test('structs that skip ahead are pending: the first clock they need and the range they span', () => {
    const { first, second } = dependentUpdates()
    const doc = new Y.Doc()
    Y.applyUpdate(doc, second)
    const client = Y.parseUpdateMeta(first).from.keys().next().value as number
    const pending = pendingOf(doc)
    expect(pending?.deletes).toBe(false)
    expect(pending?.structs?.missing.get(client)).toBe(0)
    expect(pending?.structs?.from.get(client)).toBe(Y.parseUpdateMeta(second).from.get(client))
    expect(pending?.structs?.to.get(client)).toBe(Y.parseUpdateMeta(second).to.get(client))
  })

  test('a delete of content the doc lacks is pending too; dropPending forgets both', () => {
    const { second, deletion } = dependentUpdates()
    const doc = new Y.Doc()
    Y.applyUpdate(doc, second)
    Y.applyUpdate(doc, deletion)
    expect(pendingOf(doc)?.deletes).toBe(true)
    dropPending(doc)
    expect(pendingOf(doc)).toBeNull()
  })
})
