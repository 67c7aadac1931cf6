import type { TLRecord } from '@tldraw/tlschema'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { flowReachability } from '../graph/flow-reachability.ts'
import { toWorkflowGraph } from '../graph/to-workflow-graph.ts'
import type { WorkflowGraph, WorkflowNode } from '../graph/workflow-graph.ts'
import type { FlowKind } from '../schema/connector.ts'
import { connector, workflowShape } from '../testing/shape-records.ts'
import { criticalPath } from './critical-path.ts'

const start = (id = 'start') => workflowShape('event', { id, props: { kind: 'start' } })
const end = (id = 'end') => workflowShape('event', { id, props: { kind: 'end' } })
const step = (id: string, estimate: number | null) =>
  workflowShape('step', { id, props: { label: id, estimate } })
const graphOf = (records: TLRecord[]) => toWorkflowGraph(records, [])
/** Sequence connectors c1, c2, … between the given shapes. */
const sequenceFlows = (pairs: Array<[string, string]>) =>
  pairs.flatMap(([from, to], index) => connector({ id: `c${index + 1}`, from, to }))

/**
 * start → Welcome (2h) → First day (2h) → end
 *       └→ IT setup (16h)          (a branch that stops there)
 * IT setup ⇢ First day: the first day waits for the laptop.
 */
function onboardingMap(): TLRecord[] {
  return [
    start(),
    step('welcome', 2),
    step('first-day', 2),
    step('it-setup', 16),
    end(),
    ...sequenceFlows([
      ['start', 'welcome'],
      ['welcome', 'first-day'],
      ['first-day', 'end'],
      ['start', 'it-setup'],
    ]),
    ...connector({ id: 'dep', from: 'it-setup', to: 'first-day', flow: 'dependency' }),
  ]
}

describe('critical path through dependencies', () => {
  test('a long step a dependency forces is on the path, by the dependency connector', () => {
    const path = criticalPath(graphOf(onboardingMap()))
    expect(path.nodeIds).toEqual(['shape:start', 'shape:it-setup', 'shape:first-day', 'shape:end'])
    expect(path.edgeIds).toEqual(['shape:c4', 'shape:dep', 'shape:c3'])
    expect(path.hours).toBe(18)
  })

  test('without the dependency the path is the flow alone', () => {
    const records = onboardingMap().filter((record) => !record.id.includes('dep'))
    expect(criticalPath(graphOf(records)).hours).toBe(4)
  })

  test('the dependency reads "the arrow\'s end depends on its start": reversed, it forces nothing', () => {
    const records = [
      ...onboardingMap().filter((record) => !record.id.includes('dep')),
      ...connector({ id: 'dep', from: 'first-day', to: 'it-setup', flow: 'dependency' }),
    ]
    expect(criticalPath(graphOf(records)).hours).toBe(4)
  })

  test('a step tied in by a dependency alone starts the path', () => {
    const records = [
      start(),
      step('a', 2),
      end(),
      step('order-laptop', 16),
      ...sequenceFlows([
        ['start', 'a'],
        ['a', 'end'],
      ]),
      ...connector({ id: 'dep', from: 'order-laptop', to: 'a', flow: 'dependency' }),
    ]
    const path = criticalPath(graphOf(records))
    expect(path.nodeIds).toEqual(['shape:order-laptop', 'shape:a', 'shape:end'])
    expect(path.hours).toBe(18)
  })

  test('at equal hours the path follows the flow from a start, not a dependency beside it', () => {
    const records = [
      start(),
      step('a', 2),
      step('b', 3),
      end(),
      ...sequenceFlows([
        ['start', 'a'],
        ['a', 'b'],
        ['b', 'end'],
      ]),
      ...connector({ id: 'dep', from: 'a', to: 'b', flow: 'dependency' }),
    ]
    expect(criticalPath(graphOf(records)).edgeIds).toEqual(['shape:c1', 'shape:c2', 'shape:c3'])
  })

  test('a dependency cycle ends the analysis: the flow still gives the path', () => {
    const records = [
      ...onboardingMap(),
      ...connector({ id: 'back', from: 'first-day', to: 'it-setup', flow: 'dependency' }),
    ]
    const path = criticalPath(graphOf(records))
    // it-setup ⇢ first-day ⇢ it-setup waits on itself: both dependencies are left out.
    expect(path.hours).toBe(4)
    expect(path.nodeIds).toEqual(['shape:start', 'shape:welcome', 'shape:first-day', 'shape:end'])
  })

  test('a sequence loop no start reaches does not stop the path', () => {
    const records = [
      ...onboardingMap(),
      step('x', 5),
      step('y', 5),
      ...connector({ id: 'xy', from: 'x', to: 'y' }),
      ...connector({ id: 'yx', from: 'y', to: 'x' }),
      ...connector({ id: 'dep2', from: 'y', to: 'first-day', flow: 'dependency' }),
    ]
    // x → y, its loop edge y → x cut: 10 h before the first day, less than the 16 h of IT setup.
    expect(criticalPath(graphOf(records)).hours).toBe(18)
  })
})

// --- properties --------------------------------------------------------------------------------

type Kind = 'start' | 'end' | 'step' | 'decision'
type MapSpec = {
  nodes: Array<{ kind: Kind; estimate: number | null }>
  edges: Array<{ from: number; to: number; flow: FlowKind }>
}

function recordsOf(spec: MapSpec): TLRecord[] {
  const id = (index: number) => `n${index}`
  const nodes = spec.nodes.map((node, index): TLRecord => {
    if (node.kind === 'start' || node.kind === 'end')
      return workflowShape('event', { id: id(index), props: { kind: node.kind } })
    if (node.kind === 'decision') return workflowShape('decision', { id: id(index) })
    return step(id(index), node.estimate)
  })
  const edges = spec.edges.flatMap((edge, index) =>
    connector({ id: `e${index}`, from: id(edge.from), to: id(edge.to), flow: edge.flow }),
  )
  return [...nodes, ...edges]
}

const nodeSpec = fc.record({
  kind: fc.constantFrom<Kind>('start', 'end', 'step', 'step', 'step', 'decision'),
  estimate: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
})

/**
 * Maps of 2–8 shapes, a start first and an end last (so that forward connectors can join them);
 * `edgeOk` says which connectors between shape indexes may be drawn.
 */
function mapSpec(edgeOk: (from: number, to: number, flow: FlowKind) => boolean): fc.Arbitrary<MapSpec> {
  const first = { kind: 'start' as const, estimate: null }
  const last = { kind: 'end' as const, estimate: null }
  const shapes = fc.array(nodeSpec, { maxLength: 6 }).map((middle) => [first, ...middle, last])
  return shapes.chain((nodes) =>
    fc
      .array(
        fc.record({
          from: fc.nat(nodes.length - 1),
          to: fc.nat(nodes.length - 1),
          flow: fc.constantFrom<FlowKind>('sequence', 'sequence', 'dependency', 'information'),
        }),
        { maxLength: 14 },
      )
      .map((edges) => ({ nodes, edges: edges.filter((edge) => edgeOk(edge.from, edge.to, edge.flow)) })),
  )
}

const weight = (node: WorkflowNode) => (node.shape.type === 'step' ? (node.shape.props.estimate ?? 0) : 0)
const isEnd = (node: WorkflowNode) => node.shape.type === 'event' && node.shape.props.kind === 'end'
const isStart = (node: WorkflowNode) => node.shape.type === 'event' && node.shape.props.kind === 'start'

type ChainRule = {
  follows: (flow: FlowKind) => boolean
  begins: (node: WorkflowNode) => boolean
  /** Count only chains that take at least one connector of this kind. */
  uses?: FlowKind
}

/**
 * The most hours of any simple chain along the connectors `follows` keeps that begins where `begins`
 * allows and ends at an end a start reaches along sequence flows; null when there is none. Every
 * chain is walked: fine for eight shapes.
 */
function bruteForceLongest(graph: WorkflowGraph, rule: ChainRule): number | null {
  const { reached } = flowReachability(graph)
  let best: number | null = null
  const walk = (node: WorkflowNode, hours: number, seen: Set<string>, used: boolean) => {
    if (used && isEnd(node) && reached.has(node.id)) best = Math.max(best ?? 0, hours)
    for (const edge of graph.outgoing.get(node.id) ?? []) {
      const next = edge.to === null ? undefined : graph.nodeById.get(edge.to)
      if (!next || !rule.follows(edge.flow) || seen.has(next.id)) continue
      seen.add(next.id)
      walk(next, hours + weight(next), seen, used || edge.flow === rule.uses)
      seen.delete(next.id)
    }
  }
  for (const node of graph.nodes)
    if (rule.begins(node)) walk(node, weight(node), new Set([node.id]), rule.uses === undefined)
  return best
}

const constrains = (flow: FlowKind) => flow === 'sequence' || flow === 'dependency'

/** The path is a real chain: each connector joins its neighbours, no shape twice, hours add up. */
function expectWellFormed(graph: WorkflowGraph, path: ReturnType<typeof criticalPath>) {
  if (path.nodeIds.length === 0) {
    expect(path.edgeIds).toEqual([])
    return
  }
  expect(new Set(path.nodeIds).size).toBe(path.nodeIds.length)
  expect(path.edgeIds).toHaveLength(path.nodeIds.length - 1)
  path.edgeIds.forEach((edgeId, index) => {
    const edge = graph.edges.find((candidate) => candidate.id === edgeId)!
    expect(edge.from).toBe(path.nodeIds[index])
    expect(edge.to).toBe(path.nodeIds[index + 1])
    expect(constrains(edge.flow)).toBe(true)
  })
  const last = graph.nodeById.get(path.nodeIds.at(-1)!)!
  expect(isEnd(last) && flowReachability(graph).reached.has(last.id)).toBe(true)
  const hours = path.nodeIds.reduce((sum, id) => sum + weight(graph.nodeById.get(id)!), 0)
  expect(path.hours).toBe(hours)
}

/** Checks `expectations` and that the path is well formed on many maps `edgeOk` allows. */
function forEveryMap(
  edgeOk: (from: number, to: number, flow: FlowKind) => boolean,
  expectations: (graph: WorkflowGraph, path: ReturnType<typeof criticalPath>) => void,
) {
  fc.assert(
    fc.property(mapSpec(edgeOk), (spec) => {
      const graph = graphOf(recordsOf(spec))
      const path = criticalPath(graph)
      expectWellFormed(graph, path)
      expectations(graph, path)
    }),
    { numRuns: 400 },
  )
}

const forward = (from: number, to: number) => from < to

describe('critical path properties', () => {
  test('on an acyclic map it is the longest chain of sequence and dependency connectors', () => {
    forEveryMap(forward, (graph, path) => {
      const longest = bruteForceLongest(graph, { follows: constrains, begins: () => true })
      expect(path.nodeIds.length > 0 ? path.hours : null).toBe(longest)
    })
  })

  test('it is never shorter than the longest chain of sequence flows, whatever the dependencies', () => {
    // Sequence flows run forward (a rework loop would make the longest simple chain a different
    // question); dependencies go anywhere, cycles included.
    forEveryMap(
      (from, to, flow) => flow !== 'sequence' || from < to,
      (graph, path) => {
        const flowOnly = bruteForceLongest(graph, { follows: (flow) => flow === 'sequence', begins: isStart })
        if (flowOnly !== null) expect(path.hours).toBeGreaterThanOrEqual(flowOnly)
      },
    )
  })

  test('it is never shorter than a chain a dependency forces on an acyclic map', () => {
    // A chain that takes at least one dependency: what the flow alone used to miss.
    forEveryMap(forward, (graph, path) => {
      const rule = { follows: constrains, begins: () => true, uses: 'dependency' } as const
      const forced = bruteForceLongest(graph, rule)
      if (forced !== null) expect(path.hours).toBeGreaterThanOrEqual(forced)
    })
  })

  test('any map, loops and cycles included, gives a well-formed path, and one whenever an end is reached', () => {
    forEveryMap(
      () => true,
      (graph, path) => {
        const { reached } = flowReachability(graph)
        const endReached = graph.nodes.some((node) => isEnd(node) && reached.has(node.id))
        expect(path.nodeIds.length > 0).toBe(endReached)
      },
    )
  })
})
