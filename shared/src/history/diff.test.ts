import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { deleteRecord, readRecord, writeRecord } from '../doc/records.ts'
import { workflowShape } from '../testing/shape-records.ts'
import { changedFields, diffHistory, diffLog } from './diff.ts'
import type { HistoryEntry } from './history-entry.ts'
import { HistoryLog } from './history-log.ts'

/** A scripted session: each step is one user's edit, logged as the server logs it. */
function scriptedSession(steps: Array<[user: string, edit: (doc: Y.Doc) => void]>): HistoryEntry[] {
  const doc = new Y.Doc()
  const entries: HistoryEntry[] = []
  for (const [user, edit] of steps) {
    let update: Uint8Array | null = null
    const capture = (u: Uint8Array) => {
      update = u
    }
    doc.on('update', capture)
    edit(doc)
    doc.off('update', capture)
    if (update === null) throw new Error('a scripted step made no change')
    const seq = entries.length + 1
    entries.push({ seq, time: seq * 1000, userId: user, clientId: doc.clientID, update })
  }
  return entries
}

function moveStep(id: string, dx: number) {
  return (doc: Y.Doc) => {
    const step = readRecord(doc, `shape:${id}`) as ReturnType<typeof workflowShape<'step'>>
    writeRecord(doc, { ...step, x: step.x + dx })
  }
}

const entries = scriptedSession([
  ['ana', (doc) => writeRecord(doc, workflowShape('step', { id: 'a', props: { label: 'Intake' } }))],
  ['ana', (doc) => writeRecord(doc, workflowShape('step', { id: 'b', props: { label: 'Review' } }))],
  ['ana', (doc) => writeRecord(doc, workflowShape('step', { id: 'gone', props: { label: 'Old' } }))],
  // — moment 3: what the diff starts from —
  ['ben', (doc) => writeRecord(doc, workflowShape('step', { id: 'c', props: { label: 'Approve' } }))],
  ['ben', moveStep('a', 40)],
  [
    'chloe',
    (doc) => {
      const b = readRecord(doc, 'shape:b') as ReturnType<typeof workflowShape<'step'>>
      writeRecord(doc, { ...b, props: { ...b.props, status: 'doing', label: 'Review v2' } })
    },
  ],
  ['chloe', (doc) => deleteRecord(doc, 'shape:gone')],
  // b moved away and back: touched, but no net change in position
  ['ben', moveStep('b', 10)],
  ['ben', moveStep('b', -10)],
])
const history = { entries, checkpoints: [] }

test('diff names exactly the shapes a scripted session added, removed and changed, and by whom', () => {
  const diff = diffHistory(history, { seq: 3 }, { seq: entries.length })
  const byId = Object.fromEntries(diff.changes.map((change) => [change.id, change]))
  expect(Object.keys(byId).sort()).toEqual(['shape:a', 'shape:b', 'shape:c', 'shape:gone'])
  expect(byId['shape:c']).toMatchObject({ kind: 'added', shapeType: 'step', label: 'Approve', by: ['ben'] })
  expect(byId['shape:gone']).toMatchObject({ kind: 'removed', label: 'Old', by: ['chloe'] })
  expect(byId['shape:a']).toMatchObject({ kind: 'changed', fields: ['x'], by: ['ben'] })
  expect(byId['shape:b']).toMatchObject({ kind: 'changed', fields: ['props.label', 'props.status'] })
  expect(byId['shape:b']?.by).toEqual(['chloe', 'ben'])
  expect(diff.byUser).toEqual({
    ben: { added: 1, removed: 0, changed: 2 },
    chloe: { added: 0, removed: 1, changed: 1 },
  })
  expect(diff).toMatchObject({ fromSeq: 3, toSeq: 9 })
})

test('a record moved and moved back is no change', () => {
  const diff = diffHistory(history, { seq: 7 }, { seq: 9 })
  expect(diff.changes).toEqual([])
})

test('moments can be given as times', () => {
  const diff = diffHistory(history, { time: 3500 }, { time: 4000 })
  expect(diff.changes.map((change) => change.id)).toEqual(['shape:c'])
})

test('changedFields compares props and meta key by key', () => {
  expect(
    changedFields(
      { x: 1, props: { a: 1, b: [1, 2] }, meta: {} },
      { x: 1, props: { a: 1, b: [1, 3] }, meta: { flow: 'x' } },
    ),
  ).toEqual(['props.b', 'meta.flow'])
})

test("the diff from a loaded log's content index says the same as the one from Yjs", () => {
  const log = new HistoryLog(2, { yjsCheckpoints: false })
  log.append(entries)
  for (const [from, to] of [
    [3, 9],
    [0, 9],
    [7, 9],
    [1, 5],
  ] as const) {
    expect(diffLog(log, { seq: from }, { seq: to }), `${from}..${to}`).toEqual(
      diffHistory(history, { seq: from }, { seq: to }),
    )
  }
  log.destroy()
})
