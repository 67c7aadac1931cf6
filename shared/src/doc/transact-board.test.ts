import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { workflowShape } from '../testing/shape-records.ts'
import { readBoard, writeBoard } from './board.ts'
import type { DocOrigin } from './origin.ts'
import { readRecords, writeRecord } from './records.ts'
import { transactBoard } from './transact-board.ts'

test('writes inside transactBoard go out as one update, in one transaction under its origin', () => {
  const doc = new Y.Doc()
  const origin: DocOrigin = Object.freeze({ source: 'migration' })
  const origins: unknown[] = []
  let updates = 0
  doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin))
  doc.on('update', () => updates++)
  transactBoard(doc, origin, () => {
    writeRecord(doc, workflowShape('step', { id: 'a' }))
    writeRecord(doc, workflowShape('step', { id: 'b' }))
    // A nested write's own origin does not split it off: the outer transaction's origin holds.
    writeBoard(doc, { title: 'Onboarding' })
  })
  expect(origins).toEqual([origin])
  expect(updates).toBe(1)
  expect(readRecords(doc)).toHaveLength(2)
  expect(readBoard(doc).title).toBe('Onboarding')
})
