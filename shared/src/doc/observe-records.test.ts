import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { connector, workflowShape } from '../testing/shape-records.ts'
import { observeRecords, type RecordsChange, recordIdsTouchedBy } from './observe-records.ts'
import { localOrigin, remoteOrigin } from './origin.ts'
import { deleteRecord, writeRecord, writeRecords } from './records.ts'
import { writeRole } from './roles.ts'

function recordChanges(doc: Y.Doc) {
  const calls: Array<{ change: RecordsChange; origin: unknown }> = []
  const stop = observeRecords(doc, (change, origin) => calls.push({ change, origin }))
  return { calls, stop }
}

test('observeRecords reports exactly the touched records and the origin, once per transaction', () => {
  const doc = new Y.Doc()
  const steps = ['a', 'b', 'c'].map((id) => workflowShape('step', { id }))
  writeRecords(doc, steps)
  const { calls, stop } = recordChanges(doc)

  writeRecord(doc, { ...steps[1]!, props: { ...steps[1]!.props, label: 'Changed' } }, remoteOrigin)
  expect(calls).toHaveLength(1)
  expect(calls[0]!.origin).toBe(remoteOrigin)
  expect(calls[0]!.change.removed).toEqual([])
  expect(calls[0]!.change.upserted).toEqual([
    { ...steps[1], props: { ...steps[1]!.props, label: 'Changed' } },
  ])

  deleteRecord(doc, 'shape:c')
  expect(calls[1]).toEqual({ change: { upserted: [], removed: ['shape:c'] }, origin: localOrigin })

  writeRecords(doc, [workflowShape('step', { id: 'd' }), { ...steps[0]!, meta: { tag: 'x' } }])
  expect(calls[2]!.change.upserted.map((record) => record.id).sort()).toEqual(['shape:a', 'shape:d'])

  writeRecord(doc, steps[0]!) // removes meta.tag again: a deletion inside a nested map
  expect(calls[3]!.change.upserted).toEqual([steps[0]])

  writeRecord(doc, steps[0]!) // no change, no transaction effect, no call
  writeRole(doc, { id: 'r', name: 'Legal', color: '#f00', kind: 'team' }) // roles are not records
  expect(calls).toHaveLength(4)

  stop()
  deleteRecord(doc, 'shape:a')
  expect(calls).toHaveLength(4)
})

test('observeRecords sees remote updates applied from another doc', () => {
  const source = new Y.Doc()
  const target = new Y.Doc()
  const { calls } = recordChanges(target)
  const records = [workflowShape('decision', { id: 'd' }), ...connector({ id: 'c', from: 'd', to: null })]
  writeRecords(source, records)
  Y.applyUpdate(target, Y.encodeStateAsUpdate(source), remoteOrigin)
  expect(calls).toHaveLength(1)
  expect(calls[0]!.origin).toBe(remoteOrigin)
  expect(calls[0]!.change.upserted.map((record) => record.id).sort()).toEqual(
    records.map((record) => record.id).sort(),
  )
})

test('recordIdsTouchedBy names what an update touched on a doc that already holds a board', () => {
  const server = new Y.Doc()
  writeRecords(
    server,
    Array.from({ length: 50 }, (_, i) => workflowShape('step', { id: `s${i}` })),
  )
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  writeRecord(client, workflowShape('step', { id: 's7', props: { label: 'Renamed' } }))
  deleteRecord(client, 'shape:s9')
  writeRecord(client, workflowShape('event', { id: 'new' }))
  const update = Y.encodeStateAsUpdate(client, before)

  let touched: ReturnType<typeof recordIdsTouchedBy> | null = null
  server.once('afterTransaction', (transaction: Y.Transaction) => {
    touched = recordIdsTouchedBy(transaction)
  })
  Y.applyUpdate(server, update)
  expect(touched).toEqual({ changed: new Set(['shape:s7', 'shape:new']), removed: new Set(['shape:s9']) })
})
