import { describe, expect, test } from 'vitest'
import { validateRecord } from '../schema/validate-record.ts'
import { generateWorkflowMap } from '../testing/generate-workflow-map.ts'
import { connector, workflowShape } from '../testing/shape-records.ts'
import { approvalRoles, botRole, cleanApprovalMap, legalRole } from '../testing/small-maps.ts'
import { toWorkflowGraph } from './to-workflow-graph.ts'

describe('toWorkflowGraph', () => {
  const graph = toWorkflowGraph(cleanApprovalMap(), approvalRoles)

  test('lists flow nodes, lanes and stages apart, with lane and stage by parent', () => {
    expect(graph.nodes.map((node) => node.id).sort()).toEqual(
      ['start', 'intake', 'approve', 'sign', 'reject', 'end'].map((id) => `shape:${id}`).sort(),
    )
    expect(graph.lanes).toEqual([
      {
        id: 'shape:lane-legal',
        label: 'Legal',
        roleId: legalRole.id,
        parentId: 'shape:stage',
        stageId: 'shape:stage',
      },
    ])
    expect(graph.stages).toEqual([{ id: 'shape:stage', label: 'Review', order: 0, parentId: 'page:page' }])
    expect(graph.nodeById.get('shape:intake')).toMatchObject({
      laneId: 'shape:lane-legal',
      stageId: 'shape:stage',
    })
    expect(graph.nodeById.get('shape:approve')).toMatchObject({ label: 'Approve?', type: 'decision' })
    expect(graph.nodeById.get('shape:sign')).toMatchObject({ laneId: null, stageId: null })
  })

  test("a step inherits its lane's role unless it names one", () => {
    expect(graph.nodeById.get('shape:intake')).toMatchObject({ owner: legalRole.id, ownerSource: 'lane' })
    expect(graph.nodeById.get('shape:sign')).toMatchObject({ owner: botRole.id, ownerSource: 'own' })
    const named = toWorkflowGraph(
      [
        workflowShape('lane', { id: 'l', props: { roleId: legalRole.id } }),
        workflowShape('step', { id: 's', parentId: 'shape:l', props: { owner: botRole.id } }),
      ],
      approvalRoles,
    )
    expect(named.nodeById.get('shape:s')).toMatchObject({ owner: botRole.id, ownerSource: 'own' })
  })

  test('edges carry their ends, flow kind and branch (meta.branch or the arrow text)', () => {
    const byId = new Map(graph.edges.map((edge) => [edge.id, edge]))
    expect(byId.get('shape:c3')).toEqual({
      id: 'shape:c3',
      from: 'shape:approve',
      to: 'shape:sign',
      flow: 'sequence',
      branch: 'yes',
      probability: null,
    })
    expect(byId.get('shape:c4')?.branch).toBe('no')
    expect(byId.get('shape:dep')?.flow).toBe('information')
    expect(
      graph.outgoing
        .get('shape:approve')
        ?.map((edge) => edge.id)
        .sort(),
    ).toEqual(['shape:c3', 'shape:c4'])
  })

  test('arrows that touch no workflow shape and carry no flow are drawings, not connectors', () => {
    const withDoodle = toWorkflowGraph(
      [workflowShape('step', { id: 's' }), ...connector({ id: 'doodle', from: null, to: null })],
      [],
    )
    expect(withDoodle.edges).toEqual([])
    const looseFromStep = toWorkflowGraph(
      [workflowShape('step', { id: 's' }), ...connector({ id: 'c', from: 's', to: null })],
      [],
    )
    expect(looseFromStep.edges).toEqual([
      { id: 'shape:c', from: 'shape:s', to: null, flow: 'sequence', branch: null, probability: null },
    ])
  })

  test('an end bound to a shape that was deleted concurrently is loose', () => {
    const records = [workflowShape('step', { id: 's' }), ...connector({ id: 'c', from: 's', to: 'gone' })]
    expect(toWorkflowGraph(records, []).edges).toEqual([
      { id: 'shape:c', from: 'shape:s', to: null, flow: 'sequence', branch: null, probability: null },
    ])
  })

  test('a parent cycle from concurrent moves does not hang: containment stops where the cycle closes', () => {
    const records = [
      workflowShape('lane', { id: 'a', parentId: 'shape:b' }),
      workflowShape('stage', { id: 'b', parentId: 'shape:a' }),
      workflowShape('step', { id: 's', parentId: 'shape:a' }),
    ]
    const cyclic = toWorkflowGraph(records, [])
    expect(cyclic.nodeById.get('shape:s')?.laneId).toBe('shape:a')
  })

  test('a generated 5,000-node map: every node and connector is in the graph, owners resolved', () => {
    const map = generateWorkflowMap({ nodes: 5000, edges: 8000, seed: 7 })
    const big = toWorkflowGraph(map.records, map.roles)
    expect(big.nodes).toHaveLength(5000)
    expect(big.edges).toHaveLength(8000)
    expect(big.lanes).toHaveLength(40)
    expect(big.stages).toHaveLength(10)
    for (const node of big.nodes) {
      expect(node.laneId).not.toBeNull()
      const lane = big.laneById.get(node.laneId!)!
      if (node.ownerSource === 'lane') expect(node.owner).toBe(lane.roleId)
      expect(node.stageId).toBe(lane.stageId)
    }
    // The chain of sequence connectors joins node i to node i + 1.
    expect(big.outgoing.get('shape:node-0')?.some((edge) => edge.to === 'shape:node-1')).toBe(true)
  })

  test('the generated map is deterministic per seed and schema-valid', () => {
    const a = generateWorkflowMap({ nodes: 300, edges: 500, seed: 3 })
    const b = generateWorkflowMap({ nodes: 300, edges: 500, seed: 3 })
    expect(a).toEqual(b)
    expect(generateWorkflowMap({ nodes: 300, edges: 500, seed: 4 })).not.toEqual(a)
    for (const record of a.records) {
      const result = validateRecord(record)
      if (!result.ok) throw new Error(result.error.message)
    }
  })
})
