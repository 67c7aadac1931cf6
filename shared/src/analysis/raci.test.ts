import { describe, expect, test } from 'vitest'
import { toWorkflowGraph } from '../graph/to-workflow-graph.ts'
import type { Role } from '../schema/role.ts'
import { connector, workflowShape } from '../testing/shape-records.ts'
import { raciGapStepIds, raciMatrix } from './raci.ts'

const lead: Role = { id: 'role:lead', name: 'Lead', color: '#c33', kind: 'person' }
const ops: Role = { id: 'role:ops', name: 'Ops', color: '#3a3', kind: 'team' }
const bot: Role = { id: 'role:bot', name: 'Bot', color: '#36c', kind: 'ai-agent' }
const roles = [lead, ops, bot]

/**
 * Stage 2 "Run" (drawn first) holds lane Ops (role ops) with Deploy (y 10); stage 1 "Plan" holds
 * Scope (own owner lead, y 50) and the decision Go? (y 20). Outside any stage: Tidy (no owner).
 *
 * Scope:  R lead · A lead · C ops · I bot          (lead is both R and A)
 * Go?:    A lead, ops · I bot                       (a decision has no R)
 * Deploy: R ops (lane) · A lead · C bot
 * Tidy:   nothing                                   (no owner, no RACI)
 */
function raciMap() {
  return [
    workflowShape('stage', { id: 'run', props: { label: 'Run', order: 2 } }),
    workflowShape('lane', { id: 'lane-ops', parentId: 'shape:run', props: { label: 'Ops', roleId: ops.id } }),
    workflowShape('step', {
      id: 'deploy',
      parentId: 'shape:lane-ops',
      y: 10,
      props: { label: 'Deploy', accountable: [lead.id], consulted: [bot.id] },
    }),
    workflowShape('stage', { id: 'plan', props: { label: 'Plan', order: 1 } }),
    workflowShape('step', {
      id: 'scope',
      parentId: 'shape:plan',
      y: 50,
      props: {
        label: 'Scope',
        owner: lead.id,
        accountable: [lead.id],
        consulted: [ops.id],
        informed: [bot.id],
      },
    }),
    workflowShape('decision', {
      id: 'go',
      parentId: 'shape:plan',
      y: 20,
      props: { question: 'Go?', accountable: [lead.id, ops.id], informed: [bot.id] },
    }),
    workflowShape('step', { id: 'tidy', props: { label: 'Tidy' } }),
    workflowShape('event', { id: 'start', props: { kind: 'start' } }),
    ...connector({ id: 'c1', from: 'start', to: 'scope' }),
  ]
}

describe('RACI matrix', () => {
  const graph = toWorkflowGraph(raciMap(), roles)
  const matrix = raciMatrix(graph)

  test('columns are the board roles in order', () => {
    expect(matrix.roleIds).toEqual([lead.id, ops.id, bot.id])
  })

  test('rows in map order: stage order, then top to bottom; shapes outside stages last; events left out', () => {
    expect(matrix.rows.map((row) => row.label)).toEqual(['Go?', 'Scope', 'Deploy', 'Tidy'])
  })

  test('R is the resolved owner (own or lane), A C I come from the props, a decision has no R', () => {
    expect(matrix.rows).toEqual([
      {
        nodeId: 'shape:go',
        label: 'Go?',
        type: 'decision',
        cells: { [lead.id]: ['A'], [ops.id]: ['A'], [bot.id]: ['I'] },
      },
      {
        nodeId: 'shape:scope',
        label: 'Scope',
        type: 'step',
        cells: { [lead.id]: ['R', 'A'], [ops.id]: ['C'], [bot.id]: ['I'] },
      },
      {
        nodeId: 'shape:deploy',
        label: 'Deploy',
        type: 'step',
        cells: { [ops.id]: ['R'], [lead.id]: ['A'], [bot.id]: ['C'] },
      },
      { nodeId: 'shape:tidy', label: 'Tidy', type: 'step', cells: {} },
    ])
  })

  test('RACI gaps are the steps without exactly one accountable role that exists', () => {
    // Tidy has none. Scope and Deploy have one each. Decisions are not steps.
    expect(raciGapStepIds(graph)).toEqual(['shape:tidy'])
    // With Lead deleted, Scope's and Deploy's accountable names no role: both become gaps.
    const withoutLead = toWorkflowGraph(raciMap(), [ops, bot])
    expect(raciGapStepIds(withoutLead)).toEqual(['shape:deploy', 'shape:scope', 'shape:tidy'])
  })
})
