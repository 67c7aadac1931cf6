import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { readBoard, writeBoard } from '../doc/board.ts'
import { readRecords } from '../doc/records.ts'
import { readRoles } from '../doc/roles.ts'
import { swimlaneProcessTemplate } from './swimlane-process.ts'
import { writeTemplate } from './write-template.ts'

const byId = <T extends { id: string }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.id.localeCompare(b.id))

test("a template written into a new board's doc is its records, roles and title, in one update", () => {
  const doc = new Y.Doc()
  let updates = 0
  doc.on('update', () => updates++)
  writeTemplate(doc, swimlaneProcessTemplate, { title: 'Order to delivery' })
  expect(updates).toBe(1)
  expect(byId(readRecords(doc))).toEqual(byId(swimlaneProcessTemplate.records))
  expect(byId(readRoles(doc))).toEqual(byId(swimlaneProcessTemplate.roles))
  expect(readBoard(doc).title).toBe('Order to delivery')
})

test('without a title the doc keeps the title it has (the server wrote it)', () => {
  const doc = new Y.Doc()
  writeBoard(doc, { title: 'Named by the server' })
  writeTemplate(doc, swimlaneProcessTemplate)
  expect(readBoard(doc).title).toBe('Named by the server')
})
