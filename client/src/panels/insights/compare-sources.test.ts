// @vitest-environment happy-dom
/**
 * A board read for comparison (a named version, another board) is migrated from the schema it was
 * written with and validated as the store would on load, then analysed like the live board.
 */
import type { Role } from '@flowmap/shared'
import { connector, documentRecord, pageRecord, workflowShape } from '@flowmap/shared/testing'
import type { Editor, SerializedSchema, TLRecord } from 'tldraw'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { createWorkflowEditor } from '../../shapes/workflow-editor.test-support.ts'
import { analyzeContent } from './compare-sources.ts'

const ana: Role = { id: 'role:ana', name: 'Ana', color: '#e8590c', kind: 'person' }

let editor: Editor
beforeEach(() => {
  editor = createWorkflowEditor()
})
afterEach(() => {
  editor.dispose()
  document.body.innerHTML = ''
})

/** start → Work (4h) → end, each step as a given function makes it. */
function map(step: (record: TLRecord) => TLRecord): TLRecord[] {
  return [
    documentRecord(),
    pageRecord(),
    workflowShape('event', { id: 'start', props: { kind: 'start', label: 'Start' } }),
    step(workflowShape('step', { id: 'work', x: 200, props: { label: 'Work', owner: ana.id, estimate: 4 } })),
    workflowShape('event', { id: 'end', x: 400, props: { kind: 'end', label: 'End' } }),
    ...connector({ id: 'c1', from: 'start', to: 'work' }),
    ...connector({ id: 'c2', from: 'work', to: 'end' }),
  ]
}

test('records written before step timing and RACI existed are migrated, then analysed', () => {
  const schema = editor.store.schema.serialize() as SerializedSchema & { sequences: Record<string, number> }
  // Version 2 of the step's props (AddEstimate): before AddFlowTiming (3) and AddRaci (4).
  const before = { ...schema, sequences: { ...schema.sequences, 'com.tldraw.shape.step': 2 } }
  // A step as that older Flowmap wrote it: none of the props added since.
  const old = map((record) => {
    const { estimateRange, wait, waitRange, completeAccurate, accountable, consulted, informed, ...props } = (
      record as TLRecord & { props: Record<string, unknown> }
    ).props
    return { ...record, props } as TLRecord
  })
  const read = analyzeContent(editor.store, { records: old, roles: [ana], schema: before })
  expect(read.ok).toBe(true)
  if (!read.ok) return
  expect(read.value.criticalPath.hours).toBe(4)
  expect(read.value.criticalPath.nodeIds).toContain('shape:work')
  // Read as if current, the same records fail validation: the migration is what made them readable.
  const unmigrated = analyzeContent(editor.store, { records: old, roles: [ana], schema: null })
  expect(unmigrated.ok && unmigrated.value.criticalPath.nodeIds).not.toContain('shape:work')
})

test('a record that is not valid is left out, as it would be on load', () => {
  const broken = map(
    (record) => ({ ...record, props: { ...(record as { props: object }).props, status: 42 } }) as TLRecord,
  )
  const read = analyzeContent(editor.store, { records: broken, roles: [ana], schema: null })
  expect(read.ok).toBe(true)
  if (!read.ok) return
  expect(read.value.criticalPath.nodeIds).not.toContain('shape:work')
})
