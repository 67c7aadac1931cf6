import { flowReachability } from '../graph/flow-reachability.ts'
import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from '../graph/workflow-graph.ts'
import { isEndEvent, isStartEvent } from './flow-walk.ts'

export type CriticalPath = {
  /** Shapes from the first to an end, in order; empty when no start reaches an end. */
  nodeIds: string[]
  /** The connectors between them: sequence flows, and dependencies where one makes the wait longer. */
  edgeIds: string[]
  /** Sum of the steps' estimates along it, in hours (steps without an estimate count 0). */
  hours: number
  /** Steps on the path that have no estimate: the figure is a lower bound while any are listed. */
  unestimatedStepIds: string[]
}

/**
 * The longest chain of work, by estimated hours (or by `weight`: value-stream metrics weigh a step by
 * its wait plus its process time), that ends at an end event a start reaches along
 * sequence flows. Both sequence flows ("then") and dependencies constrain it: a dependency connector
 * A ⇢ B reads "B depends on A" (as in the bottleneck insights), so B cannot start before A is done,
 * even when A sits on another branch or on no branch at all. The chain starts at a start event, or
 * at a shape nothing precedes (a step only tied in by a dependency can start at once).
 *
 * 1. Leave out the sequence flows that close a loop (rework loops are common in workflows): depth
 *    first from the starts, then from every other shape, so loops no start reaches are cut too.
 * 2. Order the shapes topologically along the remaining sequence flows and the dependencies (Kahn).
 *    Shapes that never come free sit on a cycle the dependencies close (the dependency-cycle check
 *    reports it) or after one: the dependencies among them are left out and the order is taken again.
 *    Sequence flows alone are acyclic by now, so this ends, and the path is never shorter than the
 *    longest chain of sequence flows.
 * 3. In that order keep, for each shape, its longest chain: most hours, then one that begins at a
 *    start, then one with fewer dependencies (a dependency beside the flow adds no wait).
 * 4. Follow the chain back from the farthest reachable end.
 */
export function criticalPath(
  graph: WorkflowGraph,
  weight: (node: WorkflowNode) => number = estimateHours,
): CriticalPath {
  const loopEdges = sequenceEdgesClosingLoops(graph)
  const precedence = (edge: WorkflowEdge) =>
    edge.to !== null &&
    graph.nodeById.has(edge.to) &&
    (edge.flow === 'dependency' || (edge.flow === 'sequence' && !loopEdges.has(edge.id)))
  const order = topologicalOrder(graph, precedence)
  const best = new Map<string, Chain>()
  for (const node of graph.nodes) {
    best.set(node.id, { hours: weight(node), fromStart: isStartEvent(node), dependencies: 0, cameBy: null })
  }
  for (const id of order.ids) {
    const here = best.get(id)!
    for (const edge of graph.outgoing.get(id) ?? []) {
      if (!precedence(edge) || order.leftOut.has(edge.id)) continue
      const next = graph.nodeById.get(edge.to!)!
      const candidate: Chain = {
        hours: here.hours + weight(next),
        fromStart: here.fromStart,
        dependencies: here.dependencies + (edge.flow === 'dependency' ? 1 : 0),
        cameBy: { edgeId: edge.id, from: id },
      }
      if (longer(candidate, best.get(next.id)!)) best.set(next.id, candidate)
    }
  }
  const { reached } = flowReachability(graph)
  let farthest: WorkflowNode | null = null
  for (const node of graph.nodes) {
    if (!isEndEvent(node) || !reached.has(node.id)) continue
    if (farthest === null || longer(best.get(node.id)!, best.get(farthest.id)!)) farthest = node
  }
  if (farthest === null) return { nodeIds: [], edgeIds: [], hours: 0, unestimatedStepIds: [] }
  const nodeIds = [farthest.id]
  const edgeIds: string[] = []
  for (let step = best.get(farthest.id)!.cameBy; step; step = best.get(step.from)!.cameBy) {
    edgeIds.push(step.edgeId)
    nodeIds.push(step.from)
  }
  nodeIds.reverse()
  edgeIds.reverse()
  const unestimatedStepIds = nodeIds.filter((id) => {
    const node = graph.nodeById.get(id)
    return node?.shape.type === 'step' && node.shape.props.estimate === null
  })
  return { nodeIds, edgeIds, hours: best.get(farthest.id)!.hours, unestimatedStepIds }
}

/** The longest chain found so far that ends at a shape, and the connector it arrived by. */
type Chain = {
  hours: number
  fromStart: boolean
  dependencies: number
  cameBy: { edgeId: string; from: string } | null
}

function longer(a: Chain, b: Chain): boolean {
  if (a.hours !== b.hours) return a.hours > b.hours
  if (a.fromStart !== b.fromStart) return a.fromStart
  return a.dependencies < b.dependencies
}

/** The path's default weight: a step's estimated process time; other shapes take no time. */
function estimateHours(node: WorkflowNode): number {
  return node.shape.type === 'step' ? (node.shape.props.estimate ?? 0) : 0
}

/**
 * Kahn's order of every shape along the edges `precedence` keeps. When a cycle leaves shapes that
 * never come free, the dependencies among those shapes go to `leftOut` and the order is taken again.
 */
function topologicalOrder(
  graph: WorkflowGraph,
  precedence: (edge: WorkflowEdge) => boolean,
): { ids: string[]; leftOut: Set<string> } {
  const leftOut = new Set<string>()
  const kept = (edge: WorkflowEdge) => precedence(edge) && !leftOut.has(edge.id)
  const attempt = (): string[] => {
    const inDegree = new Map<string, number>()
    for (const edge of graph.edges)
      if (edge.from !== null && graph.nodeById.has(edge.from) && kept(edge))
        inDegree.set(edge.to!, (inDegree.get(edge.to!) ?? 0) + 1)
    const ids = graph.nodes.filter((node) => !inDegree.has(node.id)).map((node) => node.id)
    for (let head = 0; head < ids.length; head++) {
      for (const edge of graph.outgoing.get(ids[head]!) ?? []) {
        if (!kept(edge)) continue
        const remaining = inDegree.get(edge.to!)! - 1
        inDegree.set(edge.to!, remaining)
        if (remaining === 0) ids.push(edge.to!)
      }
    }
    return ids
  }
  const ids = attempt()
  if (ids.length === graph.nodes.length) return { ids, leftOut }
  const free = new Set(ids)
  for (const edge of graph.edges)
    if (edge.flow === 'dependency' && !free.has(edge.from!) && !free.has(edge.to!)) leftOut.add(edge.id)
  return { ids: attempt(), leftOut }
}

/** Sequence flows that point back to a shape still on the depth-first stack: they close a loop. */
function sequenceEdgesClosingLoops(graph: WorkflowGraph): Set<string> {
  const loopEdges = new Set<string>()
  const state = new Map<string, 'open' | 'done'>()
  const successors = (id: string) =>
    (graph.outgoing.get(id) ?? []).filter((edge) => edge.flow === 'sequence' && edge.to !== null)
  // Starts first, so a rework loop is cut at the edge that returns to earlier work.
  const roots = [...graph.nodes.filter(isStartEvent), ...graph.nodes]
  for (const root of roots) {
    if (state.has(root.id)) continue
    const stack: Array<{ id: string; edges: WorkflowEdge[]; next: number }> = [
      { id: root.id, edges: successors(root.id), next: 0 },
    ]
    state.set(root.id, 'open')
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!
      if (frame.next >= frame.edges.length) {
        state.set(frame.id, 'done')
        stack.pop()
        continue
      }
      const edge = frame.edges[frame.next++]!
      const seen = state.get(edge.to!)
      if (seen === 'open') loopEdges.add(edge.id)
      else if (seen === undefined && graph.nodeById.has(edge.to!)) {
        state.set(edge.to!, 'open')
        stack.push({ id: edge.to!, edges: successors(edge.to!), next: 0 })
      }
    }
  }
  return loopEdges
}
