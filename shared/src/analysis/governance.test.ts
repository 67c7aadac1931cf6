import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, test } from 'vitest'
import { toWorkflowGraph } from '../graph/to-workflow-graph.ts'
import type { Role } from '../schema/role.ts'
import type { StepShapeProps } from '../schema/step.ts'
import { connector, workflowShape } from '../testing/shape-records.ts'
import { automationInsights } from './automation.ts'
import { flowPaths, governanceInsights } from './governance.ts'

const ana: Role = { id: 'role:ana', name: 'Ana', color: '#c33', kind: 'person' }
const bot: Role = { id: 'role:bot', name: 'Writer agent', color: '#36c', kind: 'ai-agent' }
const crm: Role = { id: 'role:crm', name: 'CRM', color: '#999', kind: 'system' }
const roles = [ana, bot, crm]

const step = (id: string, parentId: string | undefined, props: Partial<StepShapeProps>) =>
  workflowShape('step', { id, ...(parentId ? { parentId } : {}), props: { label: id, ...props } })

/**
 * Lane People (Ana): Brief (manual, 3h) → Summarise (automation ai-agent) → Check (manual, 1h)
 * Lane Agents (the AI role): Draft (automation "manual", but the agent owns it: an AI step, 5h)
 *   → Approve? (decision, Ana accountable: a human review)
 *        ─yes→ Send (owned by the CRM system, automated) → end
 *        └no──→ Redo (ai-agent) → end
 * Draft ─information→ Memo (an artifact nothing takes from: external)
 */
function governedMap(edit: { approveAccountable?: string[]; draftOwner?: string; withMemo?: boolean } = {}) {
  const records: TLRecord[] = [
    workflowShape('lane', { id: 'people', props: { label: 'People', roleId: ana.id } }),
    workflowShape('lane', { id: 'agents', props: { label: 'Agents', roleId: bot.id } }),
    workflowShape('event', { id: 'start', props: { kind: 'start' } }),
    step('brief', 'shape:people', { estimate: 3 }),
    step('summarise', 'shape:people', { automation: 'ai-agent' }),
    step('check', 'shape:people', { estimate: 1 }),
    step('draft', 'shape:agents', { estimate: 5, ...(edit.draftOwner ? { owner: edit.draftOwner } : {}) }),
    workflowShape('decision', {
      id: 'approve',
      props: { question: 'Approve?', accountable: edit.approveAccountable ?? [ana.id] },
    }),
    step('send', undefined, { owner: crm.id, automation: 'automated', estimate: 2 }),
    step('redo', 'shape:agents', { automation: 'ai-agent' }),
    workflowShape('event', { id: 'end', props: { kind: 'end' } }),
    ...connector({ id: 'c1', from: 'start', to: 'brief' }),
    ...connector({ id: 'c2', from: 'brief', to: 'summarise' }),
    ...connector({ id: 'c3', from: 'summarise', to: 'check' }),
    ...connector({ id: 'c4', from: 'check', to: 'draft' }),
    ...connector({ id: 'c5', from: 'draft', to: 'approve' }),
    ...connector({ id: 'c6', from: 'approve', to: 'send', branch: 'yes' }),
    ...connector({ id: 'c7', from: 'approve', to: 'redo', branch: 'no' }),
    ...connector({ id: 'c8', from: 'send', to: 'end' }),
    ...connector({ id: 'c9', from: 'redo', to: 'end' }),
  ]
  if (edit.withMemo !== false)
    records.push(
      workflowShape('artifact', { id: 'memo', props: { label: 'Memo' } }),
      ...connector({ id: 'i1', from: 'draft', to: 'memo', flow: 'information' }),
    )
  return toWorkflowGraph(records, roles)
}

describe('automation share', () => {
  const governance = governanceInsights(governedMap())

  test('per lane: machine steps are automated or AI work, or owned by a system or AI role', () => {
    // People: Brief, Summarise (AI), Check → 1 of 3. Agents: Draft (AI by owner), Redo (AI) → 2 of 2.
    expect(governance.byLane).toEqual([
      { laneId: 'shape:people', label: 'People', steps: 3, automated: 1, aiAgent: 1, share: 1 / 3 },
      { laneId: 'shape:agents', label: 'Agents', steps: 2, automated: 2, aiAgent: 2, share: 1 },
    ])
  })

  test('per start→end path, the steps on it', () => {
    // Yes: Brief, Summarise, Check, Draft, Send → automated Summarise, Draft, Send (3 of 5), AI 2.
    // No:  Brief, Summarise, Check, Draft, Redo → automated Summarise, Draft, Redo (3 of 5), AI 3.
    const ids = (...names: string[]) => names.map((name) => `shape:${name}`)
    expect(governance.byPath).toEqual([
      {
        nodeIds: ids('start', 'brief', 'summarise', 'check', 'draft', 'approve', 'send', 'end'),
        steps: 5,
        automated: 3,
        aiAgent: 2,
        share: 0.6,
      },
      {
        nodeIds: ids('start', 'brief', 'summarise', 'check', 'draft', 'approve', 'redo', 'end'),
        steps: 5,
        automated: 3,
        aiAgent: 3,
        share: 0.6,
      },
    ])
  })

  test('paths walk a rework loop once and list the longest first', () => {
    const records = [
      workflowShape('event', { id: 'start', props: { kind: 'start' } }),
      step('a', undefined, {}),
      step('b', undefined, {}),
      workflowShape('event', { id: 'end', props: { kind: 'end' } }),
      ...connector({ id: 'c1', from: 'start', to: 'a' }),
      ...connector({ id: 'c2', from: 'a', to: 'end' }),
      ...connector({ id: 'c3', from: 'a', to: 'b' }),
      ...connector({ id: 'c4', from: 'b', to: 'a' }),
      ...connector({ id: 'c5', from: 'b', to: 'end' }),
    ]
    const graph = toWorkflowGraph(records, [])
    expect(flowPaths(graph)).toEqual([
      ['shape:start', 'shape:a', 'shape:end'],
      ['shape:start', 'shape:a', 'shape:b', 'shape:end'],
    ])
    expect(governanceInsights(graph).byPath.map((path) => path.nodeIds.length)).toEqual([4, 3])
  })
})

describe('unreviewed AI outputs', () => {
  test('an AI output reaching an external artifact or an end with no human review is listed', () => {
    // Summarise → Check (Ana, manual): reviewed. Draft → Approve? is a review (Ana accountable), but its
    // information flow hands the Memo out, which nothing in the map takes: unreviewed. Redo → end.
    expect(governanceInsights(governedMap()).unreviewedAiOutputs).toEqual([
      { stepId: 'shape:draft', reachesId: 'shape:memo' },
      { stepId: 'shape:redo', reachesId: 'shape:end' },
    ])
  })

  test('a decision nobody human is accountable for reviews nothing', () => {
    // Approve? with only the agent accountable: Draft's work goes on through Send to the end.
    const graph = governedMap({ approveAccountable: [bot.id], withMemo: false })
    expect(governanceInsights(graph).unreviewedAiOutputs).toEqual([
      { stepId: 'shape:draft', reachesId: 'shape:end' },
      { stepId: 'shape:redo', reachesId: 'shape:end' },
    ])
  })

  test('an artifact the map takes on from is internal', () => {
    const graph = toWorkflowGraph(
      [
        step('ai', undefined, { automation: 'ai-agent' }),
        workflowShape('artifact', { id: 'doc', props: { label: 'Doc' } }),
        step('read', undefined, { owner: ana.id }),
        ...connector({ id: 'c1', from: 'ai', to: 'read' }),
        ...connector({ id: 'i1', from: 'ai', to: 'doc', flow: 'information' }),
        ...connector({ id: 'i2', from: 'doc', to: 'read', flow: 'information' }),
      ],
      roles,
    )
    // Read (Ana, manual) reviews both the flow and the document; Read then ends the flow, but after a review.
    expect(governanceInsights(graph).unreviewedAiOutputs).toEqual([])
  })

  test('the automation insights list the same steps', () => {
    expect(automationInsights(governedMap()).unreviewedAiStepIds).toEqual(['shape:draft', 'shape:redo'])
  })
})

describe('where automation could go next', () => {
  test('manual steps with process time, one owner, no decision right after; most hours first', () => {
    // Brief (3h) and Check (1h). Draft is the agent's already; Send is automated; Summarise has no time.
    expect(governanceInsights(governedMap()).automationCandidates).toEqual([
      { stepId: 'shape:brief', process: 3, ownerId: ana.id },
      { stepId: 'shape:check', process: 1, ownerId: ana.id },
    ])
  })

  test('a manual step that leads into a decision is a judgement call, not a candidate', () => {
    // Draft owned by Ana is manual work of 5h, but Approve? follows it.
    const candidates = governanceInsights(governedMap({ draftOwner: ana.id })).automationCandidates
    expect(candidates.map((candidate) => candidate.stepId)).toEqual(['shape:brief', 'shape:check'])
  })
})
