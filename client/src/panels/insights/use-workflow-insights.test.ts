// @vitest-environment happy-dom
/**
 * The Insights hook on the board model of a real doc: it shows the analysis of the board, follows
 * edits (from this client or another) through the incremental analysis once they settle, and always
 * ends equal to a full `analyzeWorkflow` of the board's records.
 */
import {
  analyzeWorkflow,
  deleteRecords,
  type Role,
  readRecords,
  readRoles,
  toWorkflowGraph,
  writeRecords,
  writeRole,
} from '@flowmap/shared'
import { connector, workflowShape } from '@flowmap/shared/testing'
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { type BoardModel, createBoardModel } from '../../sync/board-model.ts'
import { type BoardInsights, useWorkflowInsights } from './use-workflow-insights.ts'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const ops: Role = { id: 'role:ops', name: 'Ops', color: '#4263eb', kind: 'team' }

let root: Root | null = null
afterEach(() => {
  act(() => root?.unmount())
  root = null
  vi.useRealTimers()
})

type ProbeProps = { model: BoardModel; seen: (insights: BoardInsights | null) => void }

/** Hands each render's result of the hook to `seen`: the panel's sections read it the same way. */
function Probe({ model, seen }: ProbeProps) {
  seen(useWorkflowInsights(model, undefined, true))
  return null
}

function render(doc: Y.Doc): { latest: () => BoardInsights | null } {
  let latest: BoardInsights | null = null
  const props: ProbeProps = { model: createBoardModel(doc), seen: (insights) => (latest = insights) }
  root = createRoot(document.createElement('div'))
  act(() => root!.render(createElement(Probe, props)))
  return { latest: () => latest }
}

const settle = () => act(() => vi.runOnlyPendingTimers())
const fullAnalysis = (doc: Y.Doc) => analyzeWorkflow(toWorkflowGraph(readRecords(doc), readRoles(doc)))

test('follows edits once they settle, and equals a full analysis of the board', () => {
  vi.useFakeTimers()
  const doc = new Y.Doc()
  writeRole(doc, ops)
  writeRecords(doc, [
    workflowShape('event', { id: 'start', props: { kind: 'start' } }),
    workflowShape('step', { id: 'draft', props: { label: 'Draft', estimate: 2 } }),
    workflowShape('event', { id: 'end', props: { kind: 'end' } }),
    ...connector({ id: 'c1', from: 'start', to: 'draft' }),
    ...connector({ id: 'c2', from: 'draft', to: 'end' }),
  ])
  const { latest } = render(doc)
  settle()
  expect(latest()!.insights.criticalPath.hours).toBe(2)

  writeRecords(doc, [
    workflowShape('step', { id: 'draft', props: { label: 'Draft', estimate: 5, owner: ops.id } }),
  ])
  // Another client's edit arrives as an update: the hook hears it the same way.
  const theirs = new Y.Doc()
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(doc))
  writeRecords(theirs, [workflowShape('step', { id: 'check', props: { label: 'Check', estimate: 1 } })])
  writeRecords(theirs, connector({ id: 'c3', from: 'draft', to: 'check' }))
  act(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(doc))))
  expect(latest()!.insights.criticalPath.hours).toBe(2) // not yet: edits settle first
  settle()
  expect(latest()!.insights.criticalPath.hours).toBe(5)
  expect(latest()!.insights.ownership.stepsPerRole[0]).toMatchObject({ roleId: ops.id, steps: 1 })
  expect(latest()!.insights).toEqual(fullAnalysis(doc))

  act(() => deleteRecords(doc, ['shape:c2']))
  settle()
  expect(latest()!.insights.criticalPath.hours).toBe(0)
  expect(latest()!.insights).toEqual(fullAnalysis(doc))
})
