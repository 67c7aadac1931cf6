import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { workflowShape } from '../testing/shape-records.ts'
import { writeBoard } from './board.ts'
import { writeRecord } from './records.ts'
import { writeRole } from './roles.ts'
import {
  boardChangedBy,
  boardFieldsTouchedBy,
  recordFieldsTouchedBy,
  roleFieldsTouchedBy,
} from './touched-fields.ts'
import type { TouchedFields } from './touched-ids.ts'

function touchedBy<T>(doc: Y.Doc, change: () => void, read: (transaction: Y.Transaction) => T): T {
  let seen: T | undefined
  const listener = (transaction: Y.Transaction) => {
    seen = read(transaction)
  }
  doc.on('afterTransaction', listener)
  doc.transact(change)
  doc.off('afterTransaction', listener)
  return seen as T
}

function plain(fields: ReadonlyMap<string, TouchedFields>): Record<string, string | string[]> {
  return Object.fromEntries([...fields].map(([id, f]) => [id, f === 'whole' ? 'whole' : [...f].sort()]))
}

describe('fields touched by a transaction', () => {
  test("a transaction's touched records are worked out once, however many checks read them", () => {
    const doc = new Y.Doc()
    const [first, second] = touchedBy(
      doc,
      () => writeRecord(doc, workflowShape('step', { id: 's' })),
      (t) => [recordFieldsTouchedBy(t), recordFieldsTouchedBy(t)],
    )
    expect(second).toBe(first)
    // A later transaction gets its own answer.
    const next = touchedBy(
      doc,
      () => writeRecord(doc, workflowShape('step', { id: 't' })),
      recordFieldsTouchedBy,
    )
    expect([...next.keys()]).toEqual(['shape:t'])
  })

  test('a created record is touched whole; an edit names the fields it wrote', () => {
    const doc = new Y.Doc()
    const step = workflowShape('step', { id: 's' })
    expect(plain(touchedBy(doc, () => writeRecord(doc, step), recordFieldsTouchedBy))).toEqual({
      'shape:s': 'whole',
    })
    const edited = { ...step, x: 5, props: { ...step.props, label: 'New' }, meta: { flow: 'dependency' } }
    expect(plain(touchedBy(doc, () => writeRecord(doc, edited), recordFieldsTouchedBy))).toEqual({
      'shape:s': ['meta.flow', 'props.label', 'x'],
    })
  })

  test('a change any depth below a record is attributed to it (no depth bound)', () => {
    const doc = new Y.Doc()
    writeRecord(doc, workflowShape('step', { id: 's' }))
    const props = (doc.getMap('records').get('shape:s') as Y.Map<unknown>).get('props') as Y.Map<unknown>
    let deepest = new Y.Map<unknown>()
    doc.transact(() => {
      props.set('deep', deepest)
      for (let level = 0; level < 20; level++) {
        const next = new Y.Map<unknown>()
        deepest.set('down', next)
        deepest = next
      }
    })
    // Only the map 22 levels down changes in this transaction.
    const touched = touchedBy(doc, () => deepest.set('payload', 1), recordFieldsTouchedBy)
    expect([...touched.keys()]).toEqual(['shape:s'])
    expect([...(touched.get('shape:s') as Set<string>)][0]).toMatch(/^props\.deep(\.down){20}\.payload$/)
  })

  test('a change inside a sequence type names the field that holds it', () => {
    const doc = new Y.Doc()
    writeRecord(doc, workflowShape('step', { id: 's' }))
    const meta = (doc.getMap('records').get('shape:s') as Y.Map<unknown>).get('meta') as Y.Map<unknown>
    const text = new Y.Text()
    doc.transact(() => meta.set('note', text))
    expect(plain(touchedBy(doc, () => text.insert(0, 'hi'), recordFieldsTouchedBy))).toEqual({
      'shape:s': ['meta.note'],
    })
  })

  test('roles and board keys', () => {
    const doc = new Y.Doc()
    writeRole(doc, { id: 'role:r', name: 'R', color: 'red', kind: 'team' })
    const renamed = touchedBy(
      doc,
      () => writeRole(doc, { id: 'role:r', name: 'S', color: 'red', kind: 'team' }),
      roleFieldsTouchedBy,
    )
    expect(plain(renamed)).toEqual({ 'role:r': ['name'] })
    const board = touchedBy(
      doc,
      () => writeBoard(doc, { title: 'T', disabledLintRules: [] }),
      boardFieldsTouchedBy,
    )
    expect([...board].sort()).toEqual(['disabledLintRules', 'title'])
  })

  test('boardChangedBy tells a transaction that set a board key from one that wrote only records', () => {
    const doc = new Y.Doc()
    expect(touchedBy(doc, () => writeBoard(doc, { title: 'T' }), boardChangedBy)).toBe(true)
    expect(touchedBy(doc, () => writeRecord(doc, workflowShape('step', { id: 's' })), boardChangedBy)).toBe(
      false,
    )
    // Writing the title it already has writes nothing.
    expect(touchedBy(doc, () => writeBoard(doc, { title: 'T' }), boardChangedBy)).toBe(false)
  })
})
