import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, test } from 'vitest'
import { toWorkflowGraph } from '../graph/to-workflow-graph.ts'
import type { Role } from '../schema/role.ts'
import { generateWorkflowMap } from '../testing/generate-workflow-map.ts'
import { connector, workflowShape } from '../testing/shape-records.ts'
import { analyzeWorkflow } from './analyze.ts'
import { automationInsights } from './automation.ts'
import { bottleneckInsights } from './bottlenecks.ts'
import { criticalPath } from './critical-path.ts'
import { handoffInsights } from './handoffs.ts'
import { describeFact, maturityScorecard } from './maturity.ts'
import { ownershipInsights } from './ownership.ts'

const ana: Role = { id: 'role:ana', name: 'Ana', color: '#c33', kind: 'person' }
const ops: Role = { id: 'role:ops', name: 'Ops', color: '#3a3', kind: 'team' }
const bot: Role = { id: 'role:bot', name: 'Drafting agent', color: '#36c', kind: 'ai-agent' }
const idle: Role = { id: 'role:idle', name: 'Idle', color: '#999', kind: 'person' }
const roles = [ana, ops, bot, idle]

/**
 *                        ┌─yes→ Draft (bot, AI, 3h) → Review (ops, 1h) → Notify (ana, 1h) → end
 * start → Intake (ana, 2h) → Route?                      ↑ rework ↙
 *                        └─no──→ Fast path (ana, 10h) → Auto-send (bot, AI, 1h) → end
 * information: Draft → Review (the handoff bot → ops is informed; ops → ana is not)
 * dependencies: Intake ⇢ Fast path ⇢ Auto-send ("Fast path depends on Intake", …)
 */
function handMadeMap(): TLRecord[] {
  const step = (id: string, label: string, owner: Role, estimate: number | null, extra = {}) =>
    workflowShape('step', { id, props: { label, owner: owner.id, estimate, ...extra } })
  return [
    workflowShape('event', { id: 'start', props: { kind: 'start' } }),
    step('intake', 'Intake', ana, 2, { status: 'done', description: 'Log the request' }),
    workflowShape('decision', { id: 'route', props: { question: 'Route?' } }),
    step('draft', 'Draft', bot, 3, { automation: 'ai-agent', status: 'doing' }),
    step('review', 'Review', ops, 1, { status: 'blocked' }),
    step('notify', 'Notify', ana, 1),
    step('fast', 'Fast path', ana, 10),
    step('autosend', 'Auto-send', bot, null, { automation: 'ai-agent' }),
    workflowShape('event', { id: 'end', props: { kind: 'end' } }),
    ...connector({ id: 'c1', from: 'start', to: 'intake' }),
    ...connector({ id: 'c2', from: 'intake', to: 'route' }),
    ...connector({ id: 'c3', from: 'route', to: 'draft', branch: 'yes' }),
    ...connector({ id: 'c4', from: 'route', to: 'fast', branch: 'no' }),
    ...connector({ id: 'c5', from: 'draft', to: 'review' }),
    ...connector({ id: 'c6', from: 'review', to: 'notify' }),
    ...connector({ id: 'c7', from: 'notify', to: 'end' }),
    ...connector({ id: 'c8', from: 'fast', to: 'autosend' }),
    ...connector({ id: 'c9', from: 'autosend', to: 'end' }),
    ...connector({ id: 'rework', from: 'review', to: 'draft' }),
    ...connector({ id: 'i1', from: 'draft', to: 'review', flow: 'information' }),
    ...connector({ id: 'd1', from: 'intake', to: 'fast', flow: 'dependency' }),
    ...connector({ id: 'd2', from: 'fast', to: 'autosend', flow: 'dependency' }),
  ]
}
const graph = toWorkflowGraph(handMadeMap(), roles)

describe('ownership', () => {
  const ownership = ownershipInsights(graph)
  test('counts steps per role, most loaded first, idle roles included', () => {
    expect(ownership.stepsPerRole.map((r) => [r.name, r.steps])).toEqual([
      ['Ana', 3],
      ['Drafting agent', 2],
      ['Ops', 1],
      ['Idle', 0],
    ])
    expect(ownership.stepsPerRole[0]?.share).toBeCloseTo(0.5)
  })
  test('a role owning more than a third of the steps is overloaded', () => {
    expect(ownership.overloadedRoleIds).toEqual([ana.id])
  })
  test('a role on every path from start to end is a single point of failure', () => {
    // Every path runs through Intake (Ana), and through Draft or Auto-send (both the agent's);
    // the fast path avoids Ops.
    expect(ownership.singlePointsOfFailure).toEqual([ana.id, bot.id])
  })
  test('unowned steps are listed', () => {
    const records = [...handMadeMap(), workflowShape('step', { id: 'lost', props: { label: 'Lost' } })]
    expect(ownershipInsights(toWorkflowGraph(records, roles)).unownedStepIds).toEqual(['shape:lost'])
  })
})

describe('handoffs', () => {
  const handoffs = handoffInsights(graph)
  test('sequence flows between different roles, per pair of roles', () => {
    expect(handoffs.handoffs.map((h) => h.edgeId).sort()).toEqual([
      'shape:c5',
      'shape:c6',
      'shape:c8',
      'shape:rework',
    ])
    expect(handoffs.perRolePair).toEqual([
      { fromRole: bot.id, toRole: ops.id, count: 1, uninformed: 0 },
      { fromRole: ops.id, toRole: ana.id, count: 1, uninformed: 1 },
      { fromRole: ana.id, toRole: bot.id, count: 1, uninformed: 1 },
      { fromRole: ops.id, toRole: bot.id, count: 1, uninformed: 0 },
    ])
  })
  test('a handoff with no information flow beside it is flagged; one via an artifact is informed', () => {
    // Review → Draft (rework) is informed by the Draft → Review information flow, read the other way.
    expect(handoffs.withoutInformation.map((h) => h.edgeId)).toEqual(['shape:c6', 'shape:c8'])
    const viaArtifact = toWorkflowGraph(
      [
        ...handMadeMap(),
        workflowShape('artifact', { id: 'memo', props: { label: 'Memo' } }),
        ...connector({ id: 'i2', from: 'review', to: 'memo', flow: 'information' }),
        ...connector({ id: 'i3', from: 'memo', to: 'notify', flow: 'information' }),
      ],
      roles,
    )
    expect(handoffInsights(viaArtifact).withoutInformation.map((h) => h.edgeId)).toEqual(['shape:c8'])
  })
})

describe('bottlenecks', () => {
  const bottlenecks = bottleneckInsights(graph)
  test('the busiest shapes by fan-in plus fan-out of sequence and dependency flows', () => {
    // Intake: in c1, out c2 + d1 = 3; Draft: in c3 + rework, out c5 = 3; Review: in c5, out c6 + rework = 3;
    // Fast: in c4 + d1, out c8 + d2 = 4; Auto-send: in c8 + d2, out c9 = 3.
    expect(bottlenecks.busiest[0]).toMatchObject({ id: 'shape:fast', fanIn: 2, fanOut: 2 })
  })
  test('blocking dependencies count what depends on a shape, directly and through others', () => {
    expect(bottlenecks.blocking.map((b) => [b.id, b.blocks])).toEqual([
      ['shape:intake', 2],
      ['shape:fast', 1],
    ])
  })
})

describe('critical path', () => {
  test('the longest path by estimates from start to end, loops left out', () => {
    const path = criticalPath(graph)
    expect(path.nodeIds).toEqual([
      'shape:start',
      'shape:intake',
      'shape:route',
      'shape:fast',
      'shape:autosend',
      'shape:end',
    ])
    expect(path.edgeIds).toEqual(['shape:c1', 'shape:c2', 'shape:c4', 'shape:c8', 'shape:c9'])
    expect(path.hours).toBe(12)
    expect(path.unestimatedStepIds).toEqual(['shape:autosend'])
  })
  test('a longer estimate moves the path to the other branch', () => {
    const records = handMadeMap().map((record) =>
      record.id === 'shape:review'
        ? workflowShape('step', { id: 'review', props: { label: 'Review', owner: ops.id, estimate: 20 } })
        : record,
    )
    const path = criticalPath(toWorkflowGraph(records, roles))
    expect(path.nodeIds).toContain('shape:review')
    expect(path.hours).toBe(2 + 3 + 20 + 1)
  })
  test('no path when no start reaches an end', () => {
    const records = handMadeMap().filter((record) => record.id !== 'shape:end')
    expect(criticalPath(toWorkflowGraph(records, roles))).toEqual({
      nodeIds: [],
      edgeIds: [],
      hours: 0,
      unestimatedStepIds: [],
    })
  })
})

describe('automation', () => {
  const automation = automationInsights(graph)
  test('share of steps per automation level', () => {
    expect(automation.levels.map((l) => [l.level, l.steps])).toEqual([
      ['manual', 4],
      ['assisted', 0],
      ['automated', 0],
      ['ai-agent', 2],
    ])
    expect(automation.levels.reduce((sum, l) => sum + l.share, 0)).toBeCloseTo(1)
  })
  test('an AI-agent step with no person after it before the end is unreviewed', () => {
    expect(automation.unreviewedAiStepIds).toEqual(['shape:autosend'])
  })
})

describe('maturity scorecard', () => {
  const scores = maturityScorecard(graph, { handoffs: handoffInsights(graph), contributors: 2 })
  const byDimension = Object.fromEntries(scores.map((s) => [s.dimension, s]))
  test('clarity: owners, descriptions, outputs', () => {
    // 6/6 owned (100), 1/6 described (17), 1/6 with an information output (17) → 45
    expect(byDimension.clarity?.facts.map((f) => f.percent)).toEqual([100, 17, 17])
    expect(byDimension.clarity?.score).toBe(45)
  })
  test('coordination: informed handoffs, connected dependencies, explained blocks', () => {
    // 2/4 handoffs informed (50), 2/2 dependencies connected (100), 0/1 blocked step with a blocker (0) → 50
    expect(byDimension.coordination?.facts.map((f) => f.percent)).toEqual([50, 100, 0])
    expect(byDimension.coordination?.score).toBe(50)
  })
  test('completion: progress, done, not blocked', () => {
    // 3/6 beyond to-do (50), 1/6 done (17), 5/6 not blocked (83) → 50
    expect(byDimension.completion?.score).toBe(50)
  })
  test('collaboration: contributors and roles, capped', () => {
    // 2 of 4 people (50), 3 of 3 roles (100) → 75
    expect(byDimension.collaboration?.score).toBe(75)
  })
  test('a share reads "n of m", a target says what counts as full (not "of 4 people")', () => {
    const [people, roles] = byDimension.collaboration!.facts
    expect(describeFact(people!)).toBe('People who edited the map: 2 (4 count as full)')
    expect(describeFact(roles!)).toBe('Roles owning steps: 3 (3 count as full)')
    expect(describeFact(byDimension.clarity!.facts[0]!)).toMatch(/^\d+ of 6 steps with an owner$/)
  })
})

test('a 5,000-node generated map is analysed whole', () => {
  const map = generateWorkflowMap({ nodes: 5_000, edges: 8_000, seed: 3 })
  const insights = analyzeWorkflow(toWorkflowGraph(map.records, map.roles), { contributors: 5 })
  expect(insights.ownership.stepsPerRole.reduce((sum, r) => sum + r.steps, 0)).toBeGreaterThan(0)
  expect(insights.maturity).toHaveLength(4)
  for (const score of insights.maturity) expect(score.score).toBeGreaterThanOrEqual(0)
})
