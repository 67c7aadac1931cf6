import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { MAX_LABEL_CHARS } from '../schema/limits.ts'
import { validateRecord } from '../schema/validate-record.ts'
import { workflowShape } from '../testing/shape-records.ts'
import { countRawEntries, readRawBoardFields, readRawRecord, readRawRole } from './raw-entry.ts'
import { readRecord, readRecords, writeRecord } from './records.ts'
import { readRoles, writeRole } from './roles.ts'

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

  test('anything but a Y.Map under a record or role id is reported; an absent id reads as null', () => {
    const doc = new Y.Doc()
    doc.getMap('records').set('shape:bare', 42)
    doc.getMap('roles').set('role:text', new Y.Text('r'))
    expect(readRawRecord(doc, 'shape:bare')).toEqual({ ok: false, field: '', reason: 'is not a record map' })
    expect(readRawRole(doc, 'role:text')).toEqual({ ok: false, field: '', reason: 'is not a role map' })
    expect(readRawRole(doc, 'role:none')).toBeNull()
  })

  test('countRawEntries counts every entry, the bare value and the invalid role the readers skip too', () => {
    const doc = docWithStep()
    writeRole(doc, { id: 'role:legal', name: 'Legal', color: '#c33', kind: 'team' })
    doc.getMap('records').set('shape:bare', 42)
    const notARole = new Y.Map<unknown>()
    doc.getMap('roles').set('role:bad', notARole)
    notARole.set('kind', 'wizard')
    expect(countRawEntries(doc)).toEqual({ records: 2, roles: 2 })
    expect(readRecords(doc)).toHaveLength(1)
    expect(readRoles(doc)).toHaveLength(1)
    // Read raw, the invalid role is a flat map of plain values: judging it is validation's job.
    expect(readRawRole(doc, 'role:bad')).toEqual({ ok: true, fields: { kind: 'wizard' } })
    expect(countRawEntries(new Y.Doc())).toEqual({ records: 0, roles: 0 })
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

describe('raw entry reads, as a property', () => {
  const plainLeaf = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null))
  const meta = fc.dictionary(
    fc.string({ minLength: 1, maxLength: 8 }),
    fc.oneof(
      plainLeaf,
      fc.array(plainLeaf, { maxLength: 4 }),
      fc.dictionary(fc.string({ maxLength: 8 }), plainLeaf, { noNullPrototype: true }),
    ),
    { maxKeys: 4, noNullPrototype: true },
  )
  const stepProps = fc.record({
    label: fc.string({ maxLength: MAX_LABEL_CHARS }),
    description: fc.string({ maxLength: 200 }),
    status: fc.constantFrom('todo', 'doing', 'done', 'blocked'),
    estimate: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1e6, noNaN: true })),
  })

  test('any valid step written to a doc reads back raw and validates unchanged', () => {
    fc.assert(
      fc.property(stepProps, meta, fc.integer({ min: -1e6, max: 1e6 }), (props, metaValue, x) => {
        const step = workflowShape('step', { id: 'p', x, props })
        const record = { ...step, meta: metaValue }
        const doc = new Y.Doc()
        writeRecord(doc, record as typeof step)
        const raw = readRawRecord(doc, 'shape:p')
        expect(raw).toEqual({ ok: true, fields: record })
        expect(validateRecord(raw!.ok ? raw!.fields : null)).toEqual({ ok: true, record })
      }),
      { numRuns: 200 },
    )
  })
})

test('a "__proto__" key, which would vanish from a plain-object read, is reported', () => {
  const doc = docWithStep()
  propsOf(doc).set('__proto__', { polluted: true })
  expect(readRawRecord(doc, 'shape:s')).toEqual({
    ok: false,
    field: 'props.__proto__',
    reason: 'is not a usable field name',
  })
})
