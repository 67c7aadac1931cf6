import { expect, test } from 'vitest'
import { toWorkflowGraph } from '../graph/to-workflow-graph.ts'
import type { Role } from '../schema/role.ts'
import type { StepShapeProps } from '../schema/step.ts'
import { connector, workflowShape } from '../testing/shape-records.ts'
import { analyzeWorkflow } from './analyze.ts'
import { compareInsights } from './compare.ts'

const ana: Role = { id: 'role:ana', name: 'Ana', color: '#c33', kind: 'person' }
const ops: Role = { id: 'role:ops', name: 'Ops', color: '#3a3', kind: 'team' }
const bot: Role = { id: 'role:bot', name: 'Intake agent', color: '#36c', kind: 'ai-agent' }

function insightsOf(intake: Partial<StepShapeProps>, approve: Partial<StepShapeProps>, informed = false) {
  const records = [
    workflowShape('event', { id: 'start', props: { kind: 'start' } }),
    workflowShape('step', { id: 'intake', props: { label: 'Intake', ...intake } }),
    workflowShape('step', { id: 'approve', props: { label: 'Approve', ...approve } }),
    workflowShape('event', { id: 'end', props: { kind: 'end' } }),
    ...connector({ id: 'c1', from: 'start', to: 'intake' }),
    ...connector({ id: 'c2', from: 'intake', to: 'approve' }),
    ...connector({ id: 'c3', from: 'approve', to: 'end' }),
    ...(informed ? connector({ id: 'i1', from: 'intake', to: 'approve', flow: 'information' }) : []),
  ]
  return analyzeWorkflow(toWorkflowGraph(records, [ana, ops, bot]))
}

test('as-is against to-be: each metric before and after, the difference, and the better side', () => {
  // As-is: Intake (Ana, wait 4, process 2, 50 %) → Approve (Ops, wait 8, process 1, 80 %), no RACI.
  //   lead 15, process 3, wait 12, activity 3/15 = 0.2, rolled 40 %, flow efficiency 0.2,
  //   1 handoff (Ana → Ops) with no information beside it, no automation, 2 RACI gaps.
  const asIs = insightsOf(
    { owner: ana.id, wait: 4, estimate: 2, completeAccurate: 50 },
    { owner: ops.id, wait: 8, estimate: 1, completeAccurate: 80 },
  )
  // To-be: the agent takes intake (wait 0, process 0.5, 90 %, Ana accountable), Approve waits 2 (Ops
  //   accountable), an information flow beside the handoff. lead 3.5, process 1.5, wait 2,
  //   activity 1.5/3.5 = 3/7, rolled 72 %, 1 handoff (agent → Ops) now informed, automation 1 of 2,
  //   no RACI gap; Approve is the human review of the agent's output.
  const toBe = insightsOf(
    {
      owner: bot.id,
      automation: 'ai-agent',
      wait: 0,
      estimate: 0.5,
      completeAccurate: 90,
      accountable: [ana.id],
    },
    { owner: ops.id, wait: 2, estimate: 1, completeAccurate: 80, accountable: [ops.id] },
    true,
  )
  const rows = compareInsights(asIs, toBe)
  const summary = rows.map(({ metric, before, after, better }) => [metric, before, after, better])
  expect(summary).toEqual([
    ['lead', 15, 3.5, 'after'],
    ['process', 3, 1.5, 'after'],
    ['wait', 12, 2, 'after'],
    ['activity-ratio', 0.2, 3 / 7, 'after'],
    ['rolled-complete-accurate', 40, 72, 'after'],
    ['flow-efficiency', 0.2, 3 / 7, 'after'],
    ['handoffs', 1, 1, null],
    ['uninformed-handoffs', 1, 0, 'after'],
    ['automation-share', 0, 0.5, 'after'],
    ['raci-gaps', 2, 0, 'after'],
    ['unreviewed-ai-outputs', 0, 0, null],
  ])
  expect(rows[0]).toMatchObject({ label: 'Total lead time', unit: 'hours', delta: -11.5 })
  // Read the other way round, every verdict flips.
  const reversed = compareInsights(toBe, asIs)
  expect(reversed.map((row) => row.better)).toEqual(
    rows.map((row) => (row.better === null ? null : row.better === 'after' ? 'before' : 'after')),
  )
})

test('an unknown metric on either side has no difference and no verdict', () => {
  // Nothing timed: lead 0, so the activity ratio is null on both sides.
  const empty = insightsOf({ owner: ana.id }, { owner: ops.id })
  const timed = insightsOf({ owner: ana.id, estimate: 1 }, { owner: ops.id })
  const ratio = compareInsights(empty, timed).find((row) => row.metric === 'activity-ratio')!
  expect(ratio).toMatchObject({ before: null, after: 1, delta: null, better: null })
})
