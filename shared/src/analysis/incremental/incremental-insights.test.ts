import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { describe, expect, test } from 'vitest'
import { toWorkflowGraph } from '../../graph/to-workflow-graph.ts'
import type { Role } from '../../schema/role.ts'
import { connector, noteShape, workflowShape } from '../../testing/shape-records.ts'
import { analyzeWorkflow } from '../analyze.ts'
import { createIncrementalInsights, type IncrementalInsights } from './incremental-insights.ts'

const person: Role = { id: 'role:p', name: 'Pat', color: '#c33', kind: 'person' }
const agent: Role = { id: 'role:ai', name: 'Drafter', color: '#36c', kind: 'ai-agent' }
const ROLES = [person, agent]

/**
 * start → draft (AI agent) → check (Pat) → end, and start → manual (Pat, 5 h) → end.
 * The critical path runs through manual (5 h against draft + check 2 h).
 */
function board(): Map<string, TLRecord> {
  const records: TLRecord[] = [
    workflowShape('stage', { id: 'plan', props: { label: 'Plan', order: 0 } }),
    workflowShape('event', { id: 'start', props: { kind: 'start' } }),
    workflowShape('step', {
      id: 'draft',
      parentId: 'shape:plan',
      props: { label: 'Draft', owner: agent.id, automation: 'ai-agent', estimate: 1 },
    }),
    workflowShape('step', { id: 'check', x: 100, props: { label: 'Check', owner: person.id, estimate: 1 } }),
    workflowShape('step', {
      id: 'manual',
      y: 100,
      props: { label: 'Manual', owner: person.id, estimate: 5 },
    }),
    workflowShape('event', { id: 'end', props: { kind: 'end' } }),
    noteShape({ id: 'note', text: 'ask legal' }),
    ...connector({ id: 'c1', from: 'start', to: 'draft' }),
    ...connector({ id: 'c2', from: 'draft', to: 'check' }),
    ...connector({ id: 'c3', from: 'check', to: 'end' }),
    ...connector({ id: 'c4', from: 'start', to: 'manual' }),
    ...connector({ id: 'c5', from: 'manual', to: 'end' }),
  ]
  return new Map(records.map((record) => [record.id, record]))
}

function setUp() {
  const records = board()
  const incremental = createIncrementalInsights({ records: records.values(), roles: ROLES })
  const upsert = (next: TLRecord[]) => {
    for (const record of next) records.set(record.id, record)
    incremental.applyRecords({ upserted: next, removed: [] })
  }
  const edit = (id: string, change: (shape: TLShape) => TLShape) =>
    upsert([change(records.get(`shape:${id}`) as TLShape)])
  const props = (id: string, next: Record<string, unknown>) =>
    edit(id, (shape) => ({ ...shape, props: { ...shape.props, ...next } }) as TLShape)
  const expectFull = (insights: IncrementalInsights) =>
    expect(insights.insights()).toEqual(analyzeWorkflow(toWorkflowGraph(records.values(), ROLES)))
  return { records, incremental, upsert, edit, props, expectFull }
}

describe('incremental insights: what an edit recomputes', () => {
  test('a rename reuses every graph-wide part and shows the new label in the RACI rows', () => {
    const { incremental, props, expectFull } = setUp()
    const before = incremental.insights()
    props('check', { label: 'Review' })
    const after = incremental.insights()
    for (const part of ['criticalPath', 'valueStream', 'ownership', 'handoffs', 'governance'] as const)
      expect(after[part]).toBe(before[part])
    expect(after.raci.rows.map((row) => row.label)).toContain('Review')
    expectFull(incremental)
  })

  test('a move within its container recomputes only the RACI order', () => {
    const { incremental, edit, expectFull } = setUp()
    const before = incremental.insights()
    edit('manual', (shape) => ({ ...shape, y: -100 }))
    const after = incremental.insights()
    for (const part of ['criticalPath', 'valueStream', 'ownership', 'bottlenecks', 'governance'] as const)
      expect(after[part]).toBe(before[part])
    // Draft sits in a stage and comes first; of the others, Manual is now above Check.
    expect(after.raci.rows.map((row) => row.nodeId)).toEqual(['shape:draft', 'shape:manual', 'shape:check'])
    expectFull(incremental)
  })

  test('a new connector recomputes the critical path', () => {
    const { incremental, upsert, expectFull } = setUp()
    expect(incremental.insights().criticalPath.hours).toBe(5)
    // draft → manual: start → draft → manual → end is 6 h.
    upsert(connector({ id: 'c6', from: 'draft', to: 'manual' }))
    expect(incremental.insights().criticalPath.hours).toBe(6)
    expectFull(incremental)
  })

  test('a new estimate moves the critical path; an owner change leaves it as it was', () => {
    const { incremental, props, expectFull } = setUp()
    props('check', { estimate: 9 })
    const timed = incremental.insights()
    expect(timed.criticalPath.nodeIds).toContain('shape:check')
    props('manual', { owner: agent.id })
    expect(incremental.insights().criticalPath).toBe(timed.criticalPath)
    expect(incremental.insights().ownership).not.toBe(timed.ownership)
    expectFull(incremental)
  })

  test("an AI step's output is reported unreviewed once the step after it goes to an AI role", () => {
    const { incremental, props, expectFull } = setUp()
    expect(incremental.insights().governance.unreviewedAiOutputs).toEqual([])
    props('check', { owner: agent.id })
    expect(incremental.insights().governance.unreviewedAiOutputs.map((o) => o.stepId)).toContain(
      'shape:draft',
    )
    expectFull(incremental)
  })

  test("an AI step's output is reported unreviewed when its reviewer becomes automated work", () => {
    const { incremental, props, expectFull } = setUp()
    props('check', { automation: 'automated' })
    expect(incremental.insights().automation.unreviewedAiStepIds).toEqual(['shape:draft'])
    expectFull(incremental)
  })

  test('a role becoming an AI agent is heard by the review walk', () => {
    const { incremental, records } = setUp()
    expect(incremental.insights().governance.unreviewedAiOutputs).toEqual([])
    const roles = [{ ...person, kind: 'ai-agent' as const }, agent]
    incremental.setRoles(roles)
    expect(incremental.insights()).toEqual(analyzeWorkflow(toWorkflowGraph(records.values(), roles)))
    expect(incremental.insights().governance.unreviewedAiOutputs).not.toEqual([])
  })

  test('a stage reordered reorders the value-stream stages', () => {
    const { incremental, upsert, props, expectFull } = setUp()
    upsert([workflowShape('stage', { id: 'ship', props: { label: 'Ship', order: 1 } })])
    expect(incremental.insights().valueStream.stages.map((stage) => stage.label)).toEqual(['Plan', 'Ship'])
    props('plan', { order: 2 })
    expect(incremental.insights().valueStream.stages.map((stage) => stage.label)).toEqual(['Ship', 'Plan'])
    expectFull(incremental)
  })

  test('an edit to a sticky note, or a card resized, keeps the same insights object', () => {
    const { incremental, edit, props } = setUp()
    const before = incremental.insights()
    edit('note', (shape) => ({ ...shape, x: 500 }))
    expect(incremental.insights()).toBe(before)
    props('check', { w: 320 })
    expect(incremental.insights()).toEqual(before)
    expect(incremental.insights().raci).toBe(before.raci)
  })

  test('a contributor count reaches the scorecard and nothing else', () => {
    const { incremental, records } = setUp()
    const before = incremental.insights()
    incremental.setContributors(3)
    const after = incremental.insights()
    expect(after.ownership).toBe(before.ownership)
    expect(after).toEqual(analyzeWorkflow(toWorkflowGraph(records.values(), ROLES), { contributors: 3 }))
  })

  test('a removed step leaves every list, as in a full run', () => {
    const { incremental, records, expectFull } = setUp()
    records.delete('shape:manual')
    incremental.applyRecords({ upserted: [], removed: ['shape:manual'] })
    expect(incremental.insights().raci.rows.map((row) => row.nodeId)).not.toContain('shape:manual')
    expectFull(incremental)
  })
})
