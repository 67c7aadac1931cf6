import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { readBoard, writeBoard } from '../doc/board.ts'
import { deleteRecord, readRecord, writeRecord } from '../doc/records.ts'
import { deleteRole, readRoles, writeRole } from '../doc/roles.ts'
import { workflowShape } from '../testing/shape-records.ts'
import { docAt } from './doc-at.ts'
import type { HistoryEntry } from './history-entry.ts'
import { recordsSnapshot } from './recorded-session.ts'
import { planRestore, restoreBoard, restoreOrigin, writeRestoredRolesAndBoard } from './restore.ts'

const ana = { id: 'role:ana', name: 'Ana', color: '#e03131', kind: 'person' } as const

function logged(doc: Y.Doc): HistoryEntry[] {
  const entries: HistoryEntry[] = []
  doc.on('update', (update: Uint8Array) => {
    const seq = entries.length + 1
    entries.push({ seq, time: seq, userId: 'ana', clientId: doc.clientID, update })
  })
  return entries
}

test('restoring a past moment makes the doc equal to it in one forward update that keeps the history', () => {
  const live = new Y.Doc()
  const entries = logged(live)
  writeBoard(live, { title: 'Order to cash' })
  writeRole(live, ana)
  writeRecord(live, workflowShape('step', { id: 'a', props: { label: 'Intake' } }))
  writeRecord(live, workflowShape('step', { id: 'b', props: { label: 'Review' } }))
  const moment = entries.length
  const pastSnapshot = recordsSnapshot(live)
  // After the moment: a rename, a deletion, a new shape, a new title, a removed role.
  const a = readRecord(live, 'shape:a') as ReturnType<typeof workflowShape<'step'>>
  writeRecord(live, { ...a, props: { ...a.props, label: 'Intake v2', status: 'done' } })
  deleteRecord(live, 'shape:b')
  writeRecord(live, workflowShape('step', { id: 'c' }))
  writeBoard(live, { title: 'Renamed' })
  deleteRole(live, 'role:ana')
  const before = entries.length

  const origins: unknown[] = []
  live.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin))
  const past = docAt({ entries, checkpoints: [] }, { seq: moment }).doc
  const summary = restoreBoard(live, past)

  expect(recordsSnapshot(live)).toBe(pastSnapshot)
  expect(readBoard(live).title).toBe('Order to cash')
  expect(readRoles(live)).toEqual([ana])
  expect(summary).toMatchObject({
    written: ['shape:a', 'shape:b'],
    deleted: ['shape:c'],
    rolesWritten: ['role:ana'],
  })
  expect(summary.boardFields).toEqual(['title'])
  // One transaction, one update: a single new history entry, nothing before it touched.
  expect(origins).toEqual([restoreOrigin])
  expect(entries.length).toBe(before + 1)

  // A restore is undone by restoring the moment just before it.
  const undo = docAt({ entries, checkpoints: [] }, { seq: before }).doc
  const beforeRestore = recordsSnapshot(undo)
  restoreBoard(live, undo)
  expect(recordsSnapshot(live)).toBe(beforeRestore)
  expect(readBoard(live).title).toBe('Renamed')
  expect(entries.length).toBe(before + 2)
})

test('restoring the current moment writes nothing', () => {
  const live = new Y.Doc()
  writeRecord(live, workflowShape('step', { id: 'a' }))
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(live))
  let updates = 0
  live.on('update', () => updates++)
  const summary = restoreBoard(live, copy)
  expect(summary).toEqual({ written: [], deleted: [], rolesWritten: [], rolesDeleted: [], boardFields: [] })
  expect(updates).toBe(0)
})

test('a restore plan names what differs and writes nothing; its roles and board fields go in one update', () => {
  const live = new Y.Doc()
  writeBoard(live, { title: 'Order to cash' })
  writeRole(live, ana)
  writeRecord(live, workflowShape('step', { id: 'a', props: { label: 'Intake' } }))
  const past = new Y.Doc()
  Y.applyUpdate(past, Y.encodeStateAsUpdate(live))
  writeBoard(live, { title: 'Renamed' })
  deleteRole(live, 'role:ana')
  writeRecord(live, workflowShape('step', { id: 'c' }))

  const entries = logged(live)
  const plan = planRestore(live, past)
  expect(entries).toHaveLength(0)
  expect(plan.records.remove).toEqual(['shape:c'])
  expect(plan.records.write).toEqual([])
  expect(plan.roles.write.map((role) => role.id)).toEqual(['role:ana'])
  expect(plan.boardPatch).toEqual({ title: 'Order to cash' })

  writeRestoredRolesAndBoard(live, plan, restoreOrigin)
  expect(entries).toHaveLength(1)
  expect(readBoard(live).title).toBe('Order to cash')
  expect(readRoles(live)).toEqual([ana])
  // The records are the caller's: the page writes them through its store.
  expect(readRecord(live, 'shape:c')).toBeDefined()
})
