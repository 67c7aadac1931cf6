import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { parentOf, rootNamed, rootNameOf, rootOf } from './yjs-internals.ts'

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
