import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { workflowShape } from '../testing/shape-records.ts'
import { BOARD_ROOT_NAMES, declareBoardRoots } from './doc-maps.ts'
import { recordIdsTouchedBy } from './observe-records.ts'
import { readRecord, writeRecord } from './records.ts'

function updateWritingStep(): Uint8Array {
  const doc = new Y.Doc()
  writeRecord(doc, workflowShape('step', { id: 'a' }))
  return Y.encodeStateAsUpdate(doc)
}

/** The record ids each transaction on `doc` touched, while `apply` runs. */
function touchedWhile(doc: Y.Doc, apply: () => void): string[] {
  const touched: string[] = []
  const onTransaction = (transaction: Y.Transaction) =>
    touched.push(...recordIdsTouchedBy(transaction).changed)
  doc.on('afterTransaction', onTransaction)
  apply()
  doc.off('afterTransaction', onTransaction)
  return touched
}

test('declareBoardRoots gives the doc its three top-level maps and returns it', () => {
  const doc = new Y.Doc()
  expect(declareBoardRoots(doc)).toBe(doc)
  expect([...doc.share.keys()].sort()).toEqual([...BOARD_ROOT_NAMES].sort())
  for (const name of BOARD_ROOT_NAMES) expect(doc.share.get(name)).toBeInstanceOf(Y.Map)
})

test('on a doc with its roots declared, the records the first update creates are seen as touched', () => {
  const declared = declareBoardRoots(new Y.Doc())
  expect(touchedWhile(declared, () => Y.applyUpdate(declared, updateWritingStep()))).toEqual(['shape:a'])
  // Undeclared, the update lands in a placeholder that Yjs later swaps for the map: the change goes unseen.
  const undeclared = new Y.Doc()
  expect(touchedWhile(undeclared, () => Y.applyUpdate(undeclared, updateWritingStep()))).toEqual([])
  expect(readRecord(undeclared, 'shape:a')).toBeDefined()
})

test('declaring again keeps what the doc holds', () => {
  const doc = declareBoardRoots(new Y.Doc())
  writeRecord(doc, workflowShape('step', { id: 'a' }))
  declareBoardRoots(doc)
  expect(readRecord(doc, 'shape:a')).toBeDefined()
})

test('a doc whose "records" is already another kind of type is refused loudly, not silently reinterpreted', () => {
  const doc = new Y.Doc()
  doc.getArray('records')
  expect(() => declareBoardRoots(doc)).toThrow(/records/)
})
