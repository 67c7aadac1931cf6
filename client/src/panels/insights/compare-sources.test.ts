// @vitest-environment happy-dom
/**
 * A board read for comparison (a named version, another board) is migrated from the schema it was
 * written with and validated as the store would on load, then analysed like the live board.
 */
import type { Role } from '@flowmap/shared'
import { connector, documentRecord, pageRecord, workflowShape } from '@flowmap/shared/testing'
import type { Editor, SerializedSchema, TLRecord } from 'tldraw'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createWorkflowEditor } from '../../shapes/workflow-editor.test-support.ts'
import { analyzeContent, boardCompareLoader, NOW_SOURCE } from './compare-sources.ts'

const ana: Role = { id: 'role:ana', name: 'Ana', color: '#e8590c', kind: 'person' }

let editor: Editor
beforeEach(() => {
  editor = createWorkflowEditor()
})
afterEach(() => {
  vi.unstubAllGlobals()
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

test('the choices are this board now, its named versions, and the other boards the server lists', async () => {
  const answers: Record<string, unknown> = {
    '/api/boards/b1/versions': {
      boardId: 'b1',
      versions: [{ seq: 7, name: 'as-is', time: '2026-12-04T10:00:00Z', userId: 'u', userName: 'Fay' }],
    },
    '/api/boards': {
      boards: [
        { id: 'b1', title: 'This one', createdAt: '2026-12-01T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z' },
        { id: 'b2', title: 'Redesign', createdAt: '2026-12-02T00:00:00Z', updatedAt: '2026-12-02T00:00:00Z' },
      ],
    },
  }
  vi.stubGlobal('fetch', async (url: string) => {
    const body = answers[url]
    return new Response(JSON.stringify(body ?? null), { status: body === undefined ? 404 : 200 })
  })
  const loader = boardCompareLoader({
    boardId: 'b1',
    token: null,
    store: editor.store,
    current: () => ({ records: map((record) => record), roles: [ana], schema: null }),
  })
  const sources = await loader.sources()
  expect(sources).toEqual({
    ok: true,
    value: [
      NOW_SOURCE,
      { kind: 'version', key: 'version:7:as-is', label: 'Version “as-is”', seq: 7 },
      { kind: 'board', key: 'board:b2', label: 'Board “Redesign”', boardId: 'b2' },
    ],
  })
  // This board now is the live records, analysed as they are.
  const now = await loader.insightsOf(NOW_SOURCE)
  expect(now.ok && now.value.criticalPath.hours).toBe(4)
})

test('when the named versions cannot be loaded, the reason says so', async () => {
  vi.stubGlobal('fetch', async () => new Response('null', { status: 500 }))
  const loader = boardCompareLoader({
    boardId: 'b1',
    token: null,
    store: editor.store,
    current: () => ({ records: [], roles: [], schema: null }),
  })
  const sources = await loader.sources()
  expect(sources.ok).toBe(false)
  expect(!sources.ok && sources.reason).toBe(
    'the named versions could not be loaded: the server answered 500',
  )
})
