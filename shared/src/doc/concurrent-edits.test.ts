import type { TLRecord } from '@tldraw/tlschema'
import fc from 'fast-check'
import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { workflowShape } from '../testing/shape-records.ts'
import { patchRecord, readRecord, writeRecord } from './records.ts'

/** Two peers that share an initial state, then edit offline and exchange their updates. */
function offlinePeers(initialize: (doc: Y.Doc) => void): [Y.Doc, Y.Doc] {
  const origin = new Y.Doc()
  initialize(origin)
  const a = new Y.Doc()
  const b = new Y.Doc()
  Y.applyUpdate(a, Y.encodeStateAsUpdate(origin))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(origin))
  return [a, b]
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, fromA)
  Y.applyUpdate(a, fromB)
}

/** The layout the usual tldraw + Yjs examples use: a Y.Map of whole JSON records. */
const wholeRecordLayout = {
  write: (doc: Y.Doc, record: TLRecord) => doc.getMap<TLRecord>('whole').set(record.id, record),
  read: (doc: Y.Doc, id: string) => doc.getMap<TLRecord>('whole').get(id),
}

test('two people change different props of the same step offline and both changes survive', () => {
  const step = workflowShape('step', { id: 'review', props: { label: 'Review' } })
  const moved = { ...step, x: 400, y: 120 }
  const renamed = { ...step, props: { ...step.props, label: 'Legal review' } }
  const reassigned = { ...step, props: { ...step.props, owner: 'role:legal' } }

  const [a, b] = offlinePeers((doc) => writeRecord(doc, step))
  writeRecord(a, moved)
  writeRecord(a, { ...moved, props: { ...moved.props, owner: 'role:legal' } })
  writeRecord(b, renamed)
  exchange(a, b)

  const expected = {
    ...step,
    x: 400,
    y: 120,
    props: { ...step.props, label: 'Legal review', owner: 'role:legal' },
  }
  expect(readRecord(a, step.id)).toEqual(expected)
  expect(readRecord(b, step.id)).toEqual(expected)

  // The same edits on a whole-record last-writer-wins layout: the docs converge, but on one
  // person's record, so the other person's change is gone.
  const [wa, wb] = offlinePeers((doc) => wholeRecordLayout.write(doc, step))
  wholeRecordLayout.write(wa, { ...moved, props: reassigned.props })
  wholeRecordLayout.write(wb, renamed)
  exchange(wa, wb)
  const merged = wholeRecordLayout.read(wa, step.id)
  expect(merged).toEqual(wholeRecordLayout.read(wb, step.id))
  expect(merged).not.toEqual(expected)
  const keptRename =
    merged?.typeName === 'shape' && merged.type === 'step' && merged.props.label === 'Legal review'
  const keptMove = merged?.typeName === 'shape' && merged.x === 400
  expect(keptRename !== keptMove).toBe(true)
})

test('the same prop changed by both converges on one value on both peers', () => {
  const step = workflowShape('step', { id: 's' })
  const [a, b] = offlinePeers((doc) => writeRecord(doc, step))
  writeRecord(a, { ...step, props: { ...step.props, status: 'doing' } })
  writeRecord(b, { ...step, props: { ...step.props, status: 'blocked' } })
  exchange(a, b)
  expect(readRecord(a, step.id)).toEqual(readRecord(b, step.id))
  const status = (readRecord(a, step.id) as typeof step).props.status
  expect(['doing', 'blocked']).toContain(status)
})

/** The two ways an edit reaches the doc: the whole new record, or what changed (the client binding). */
const writers = {
  writeRecord: (doc: Y.Doc, _before: TLRecord, after: TLRecord) => writeRecord(doc, after),
  patchRecord: (doc: Y.Doc, before: TLRecord, after: TLRecord) => patchRecord(doc, after.id, before, after),
}

test.each(Object.entries(writers))(
  'any two offline edits of disjoint fields of one record both survive, in either exchange order (%s)',
  (_name, write) => {
    const editable = ['x', 'y', 'label', 'description', 'owner', 'status', 'estimate', 'tag'] as const
    type Field = (typeof editable)[number]
    const value = (field: Field, seed: number): unknown =>
      ({
        x: seed,
        y: -seed,
        label: `label ${seed}`,
        description: `description ${seed}`,
        owner: `role:${seed}`,
        status: (['todo', 'doing', 'done', 'blocked'] as const)[seed % 4],
        estimate: seed,
        tag: `tag ${seed}`,
      })[field]
    const apply = (record: TLRecord, edits: Array<[Field, unknown]>): TLRecord => {
      const next = structuredClone(record) as TLRecord & {
        props: Record<string, unknown>
        meta: Record<string, unknown>
      }
      for (const [field, v] of edits) {
        if (field === 'x' || field === 'y') (next as { x: number; y: number })[field] = v as number
        else if (field === 'tag') next.meta.tag = v as string
        else next.props[field] = v
      }
      return next
    }
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...editable], { minLength: 2 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.boolean(),
        (fields, seedA, seedB, aFirst) => {
          const split = Math.ceil(fields.length / 2)
          const editsA = fields
            .slice(0, split)
            .map((field) => [field, value(field, seedA)] as [Field, unknown])
          const editsB = fields.slice(split).map((field) => [field, value(field, seedB)] as [Field, unknown])
          const base = workflowShape('step', { id: 's' })
          const [a, b] = offlinePeers((doc) => writeRecord(doc, base))
          write(a, base, apply(base, editsA))
          write(b, base, apply(base, editsB))
          if (aFirst) exchange(a, b)
          else exchange(b, a)
          const expected = apply(base, [...editsA, ...editsB])
          expect(readRecord(a, base.id)).toEqual(expected)
          expect(readRecord(b, base.id)).toEqual(expected)
        },
      ),
    )
  },
)
