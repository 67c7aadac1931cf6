import type { TLRecord } from '@tldraw/tlschema'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { validateRecord } from '../schema/validate-record.ts'
import { workflowRecordArbitrary } from '../testing/record-arbitraries.ts'
import { workflowShape } from '../testing/shape-records.ts'
import { deleteRecord, readRecord, readRecords, writeRecord, writeRecords } from './records.ts'

describe('the record layout', () => {
  test('write then read is the identity, for any valid record', () => {
    fc.assert(
      fc.property(workflowRecordArbitrary, (record) => {
        expect(validateRecord(record).ok).toBe(true)
        const doc = new Y.Doc()
        writeRecord(doc, record)
        expect(readRecord(doc, record.id)).toEqual(record)
      }),
    )
  })

  test('a sequence of writes and deletes reads back as the last state of each record', () => {
    const operation = fc.oneof(
      workflowRecordArbitrary.map((record) => ({ kind: 'write' as const, record })),
      fc.constantFrom('a', 'b', 'c', 'd').map((id) => ({ kind: 'delete' as const, id: `shape:${id}` })),
    )
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 30 }), (operations) => {
        const doc = new Y.Doc()
        const expected = new Map<string, TLRecord>()
        for (const op of operations) {
          if (op.kind === 'write') {
            writeRecord(doc, op.record)
            expected.set(op.record.id, op.record)
          } else {
            deleteRecord(doc, op.id)
            expected.delete(op.id)
          }
        }
        const byId = (a: TLRecord, b: TLRecord) => (a.id < b.id ? -1 : 1)
        expect(readRecords(doc).sort(byId)).toEqual([...expected.values()].sort(byId))
        // A fresh doc built from the encoded state reads the same: the layout survives sync.
        const copy = new Y.Doc()
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
        expect(readRecords(copy).sort(byId)).toEqual([...expected.values()].sort(byId))
      }),
    )
  })

  test('props and meta live in nested Y.Maps, one key per prop', () => {
    const doc = new Y.Doc()
    writeRecord(doc, workflowShape('step', { id: 's', props: { label: 'Review' }, meta: { tag: 'x' } }))
    const record = doc.getMap<Y.Map<unknown>>('records').get('shape:s')!
    expect(record.get('props')).toBeInstanceOf(Y.Map)
    expect((record.get('props') as Y.Map<unknown>).get('label')).toBe('Review')
    expect((record.get('meta') as Y.Map<unknown>).get('tag')).toBe('x')
    expect(record.get('x')).toBe(0)
  })

  test('rewriting a record sends only the changed prop', () => {
    const doc = new Y.Doc()
    const step = workflowShape('step', { id: 's' })
    writeRecord(doc, step)
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    writeRecord(doc, step)
    expect(updates).toHaveLength(0)
    writeRecord(doc, { ...step, props: { ...step.props, label: 'Renamed' } })
    expect(updates).toHaveLength(1)
    const content = Y.decodeUpdate(updates[0]!)
    expect(content.structs).toHaveLength(1)
  })

  test('writeRecords writes many records in one transaction', () => {
    const doc = new Y.Doc()
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    writeRecords(
      doc,
      ['a', 'b', 'c'].map((id) => workflowShape('step', { id })),
    )
    expect(transactions).toBe(1)
    expect(readRecords(doc)).toHaveLength(3)
  })
})

test('a shared type a foreign writer put into a record reads back as plain JSON, not as a Y type', () => {
  const doc = new Y.Doc()
  writeRecord(doc, workflowShape('step', { id: 's' }))
  const meta = doc.getMap<Y.Map<unknown>>('records').get('shape:s')!.get('meta') as Y.Map<unknown>
  const text = new Y.Text()
  meta.set('note', text)
  text.insert(0, 'hello')
  expect(readRecord(doc, 'shape:s')?.meta).toEqual({ note: 'hello' })
})
