import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { workflowShape } from '../testing/shape-records.ts'
import { readRawBoardFields, readRawRecord, readRawRole } from './raw-entry.ts'
import { readRecord, writeRecord } from './records.ts'
import { writeRole } from './roles.ts'

function docWithStep(): Y.Doc {
  const doc = new Y.Doc()
  writeRecord(doc, workflowShape('step', { id: 's', meta: { flow: 'x' } }))
  return doc
}

function propsOf(doc: Y.Doc): Y.Map<unknown> {
  return (doc.getMap('records').get('shape:s') as Y.Map<unknown>).get('props') as Y.Map<unknown>
}

describe('raw entry reads', () => {
  test('a record our writers stored reads as the same plain object readRecord gives', () => {
    const doc = docWithStep()
    expect(readRawRecord(doc, 'shape:s')).toEqual({ ok: true, fields: readRecord(doc, 'shape:s') })
    expect(readRawRecord(doc, 'shape:none')).toBeNull()
  })

  test.each([
    ['Y.Text', () => new Y.Text('t')],
    ['Y.Array', () => new Y.Array()],
    ['Y.Map', () => new Y.Map()],
    ['Y.XmlFragment', () => new Y.XmlFragment()],
    ['Y.XmlElement', () => new Y.XmlElement('p')],
    ['Y.XmlText', () => new Y.XmlText()],
    ['Y.Doc (subdocument)', () => new Y.Doc()],
  ])('a %s inside props is reported, not converted to JSON', (kind, make) => {
    const doc = docWithStep()
    propsOf(doc).set('label', make())
    expect(readRawRecord(doc, 'shape:s')).toEqual({
      ok: false,
      field: 'props.label',
      reason: `is a ${kind}; only plain values are stored here`,
    })
  })

  test('a shared type at the top of a record other than props and meta is reported', () => {
    const doc = docWithStep()
    ;(doc.getMap('records').get('shape:s') as Y.Map<unknown>).set('x', new Y.Map())
    expect(readRawRecord(doc, 'shape:s')).toMatchObject({ ok: false, field: 'x' })
  })

  test('roles and board fields are flat: any shared type in them is reported', () => {
    const doc = new Y.Doc()
    writeRole(doc, { id: 'role:r', name: 'R', color: 'red', kind: 'team' })
    expect(readRawRole(doc, 'role:r')).toMatchObject({ ok: true })
    ;(doc.getMap('roles').get('role:r') as Y.Map<unknown>).set('name', new Y.Map())
    expect(readRawRole(doc, 'role:r')).toMatchObject({ ok: false, field: 'name' })
    doc.getMap('board').set('title', new Y.Text('t'))
    doc.getMap('board').set('schema', { schemaVersion: 2, sequences: {} })
    expect(readRawBoardFields(doc, ['schema'])).toEqual({
      ok: true,
      fields: { schema: { schemaVersion: 2, sequences: {} } },
    })
    expect(readRawBoardFields(doc, ['title', 'schema'])).toMatchObject({ ok: false, field: 'title' })
  })
})
