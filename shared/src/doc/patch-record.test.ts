import type { TLRecord } from '@tldraw/tlschema'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { workflowRecordArbitrary } from '../testing/record-arbitraries.ts'
import { workflowShape } from '../testing/shape-records.ts'
import { type FieldMap, recordsMap } from './doc-maps.ts'
import { localOrigin, remoteOrigin } from './origin.ts'
import { patchRecord, readRecord, writeRecord } from './records.ts'

const step = workflowShape('step', { id: 's', props: { label: 'Review' }, meta: { flow: 'a', tag: 't' } })
type Step = typeof step

function edited(record: Step, change: { x?: number; props?: object; meta?: Record<string, unknown> }): Step {
  return {
    ...record,
    ...(change.x === undefined ? {} : { x: change.x }),
    props: { ...record.props, ...change.props },
    meta: change.meta ?? record.meta,
  } as Step
}

/** Every key written during `write`, as "path.key" ("props.label", "x"), from the doc's own events. */
function keysWrittenBy(doc: Y.Doc, write: () => void): string[] {
  const written: string[] = []
  const records = recordsMap(doc)
  const onEvents = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    for (const event of events) {
      const path = event.path.slice(1).join('.')
      for (const key of event.changes.keys.keys()) written.push(path === '' ? key : `${path}.${key}`)
    }
  }
  records.observeDeep(onEvents)
  write()
  records.unobserveDeep(onEvents)
  return written.sort()
}

function updatesDuring(doc: Y.Doc, write: () => void): Uint8Array[] {
  const updates: Uint8Array[] = []
  const onUpdate = (update: Uint8Array) => updates.push(update)
  doc.on('update', onUpdate)
  write()
  doc.off('update', onUpdate)
  return updates
}

describe('patchRecord', () => {
  test('writes only the keys the edit changed: one prop and one field, one struct each', () => {
    const doc = new Y.Doc()
    writeRecord(doc, step)
    const after = edited(step, { x: 40, props: { label: 'Legal review' } })
    let updates: Uint8Array[] = []
    const keys = keysWrittenBy(doc, () => {
      updates = updatesDuring(doc, () => patchRecord(doc, step.id, step, after))
    })
    expect(keys).toEqual(['props.label', 'x'])
    expect(updates).toHaveLength(1)
    expect(Y.decodeUpdate(updates[0]!).structs).toHaveLength(2)
    expect(readRecord(doc, step.id)).toEqual(after)
  })

  test('an edit that leaves every key equal writes nothing at all', () => {
    const doc = new Y.Doc()
    writeRecord(doc, step)
    const updates = updatesDuring(doc, () => patchRecord(doc, step.id, step, structuredClone(step)))
    expect(updates).toHaveLength(0)
  })

  test('keys the edit left alone keep what a remote change wrote since the edit began', () => {
    const doc = new Y.Doc()
    writeRecord(doc, step)
    // A remote change the store has not reported yet: another person moved the step and reassigned it.
    writeRecord(doc, edited(step, { x: 300, props: { owner: 'role:legal' } }), remoteOrigin)
    patchRecord(doc, step.id, step, edited(step, { props: { label: 'Legal review' } }))
    expect(readRecord(doc, step.id)).toEqual(
      edited(step, { x: 300, props: { label: 'Legal review', owner: 'role:legal' } }),
    )
  })

  test('a changed key the doc already holds at its new value is not written again', () => {
    const doc = new Y.Doc()
    writeRecord(doc, edited(step, { props: { label: 'Legal review' } }))
    const updates = updatesDuring(doc, () =>
      patchRecord(doc, step.id, step, edited(step, { props: { label: 'Legal review' } })),
    )
    expect(updates).toHaveLength(0)
  })

  test('a meta key the edit removed is deleted and one it added is set; a key added remotely stays', () => {
    const doc = new Y.Doc()
    writeRecord(doc, step)
    writeRecord(doc, edited(step, { meta: { ...step.meta, remote: 1 } }), remoteOrigin)
    const keys = keysWrittenBy(doc, () =>
      patchRecord(doc, step.id, step, edited(step, { meta: { flow: 'a', added: true } })),
    )
    expect(keys).toEqual(['meta.added', 'meta.tag'])
    expect(readRecord(doc, step.id)?.meta).toEqual({ flow: 'a', added: true, remote: 1 })
  })

  test('a record the doc lacks, or a bare value a foreign writer stored under its id, is written whole', () => {
    const doc = new Y.Doc()
    const after = edited(step, { x: 9 })
    patchRecord(doc, step.id, step, after)
    expect(readRecord(doc, step.id)).toEqual(after)

    const tampered = new Y.Doc()
    recordsMap(tampered).set(step.id, 42 as unknown as FieldMap)
    patchRecord(tampered, step.id, step, after)
    expect(readRecord(tampered, step.id)).toEqual(after)
  })

  test('props a foreign writer stored whole become a per-key map holding its keys and the edit', () => {
    const doc = new Y.Doc()
    writeRecord(doc, step)
    const stored = recordsMap(doc).get(step.id)!
    stored.set('props', { ...step.props })
    patchRecord(doc, step.id, step, edited(step, { props: { label: 'Legal review' } }))
    expect(stored.get('props')).toBeInstanceOf(Y.Map)
    expect(readRecord(doc, step.id)).toEqual(edited(step, { props: { label: 'Legal review' } }))
  })

  test('the write carries the given origin, in one transaction', () => {
    const doc = new Y.Doc()
    writeRecord(doc, step)
    const origins: unknown[] = []
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin))
    const origin = Object.freeze({ source: 'local' as const, clientTag: 'tab-1' })
    patchRecord(doc, step.id, step, edited(step, { x: 1, props: { label: 'x' } }), origin)
    patchRecord(doc, step.id, step, edited(step, { x: 2 }))
    expect(origins).toEqual([origin, localOrigin])
  })

  test('on a doc that holds `before`, patching to any `after` with the same id reads back as `after`', () => {
    fc.assert(
      fc.property(workflowRecordArbitrary, workflowRecordArbitrary, (before, other) => {
        const after = { ...other, id: before.id } as TLRecord
        const doc = new Y.Doc()
        writeRecord(doc, before)
        patchRecord(doc, before.id, before, after)
        expect(readRecord(doc, before.id)).toEqual(after)
      }),
    )
  })
})
