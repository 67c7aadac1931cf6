import type { WorkflowGraph, WorkflowNode } from '../graph/workflow-graph.ts'
import { isEndEvent, isStartEvent, sequenceSuccessors } from './flow-walk.ts'

export type CriticalPath = {
  /** Shapes from a start to an end, in order; empty when no start reaches an end. */
  nodeIds: string[]
  /** The sequence connectors between them. */
  edgeIds: string[]
  /** Sum of the steps' estimates along it, in hours (steps without an estimate count 0). */
  hours: number
  /** Steps on the path that have no estimate: the figure is a lower bound while any are listed. */
  unestimatedStepIds: string[]
}

/**
 * The longest path, by estimated hours, from a start event to an end event along sequence flows.
 *
 * 1. Depth-first from the starts to find the edges that close a loop (rework loops are common in
 *    workflows); they are left out, so what remains is acyclic.
 * 2. Walk the remaining edges in topological order (Kahn), keeping each shape's longest distance and
 *    the edge it came by.
 * 3. Follow those edges back from the farthest end.
 */
export function criticalPath(graph: WorkflowGraph): CriticalPath {
  const starts = graph.nodes.filter(isStartEvent)
  const loopEdges = edgesClosingLoops(graph, starts)
  const inDegree = new Map<string, number>()
  const reachable = new Set<string>()
  const stack = starts.map((node) => node.id)
  for (const id of stack) reachable.add(id)
  while (stack.length > 0) {
    const id = stack.pop()!
    for (const edge of sequenceSuccessors(graph, id)) {
      if (loopEdges.has(edge.id)) continue
      inDegree.set(edge.to!, (inDegree.get(edge.to!) ?? 0) + 1)
      if (!reachable.has(edge.to!)) {
        reachable.add(edge.to!)
        stack.push(edge.to!)
      }
    }
  }
  const distance = new Map<string, number>()
  const cameBy = new Map<string, { edgeId: string; from: string }>()
  const queue = starts.map((node) => node.id)
  for (const node of starts) distance.set(node.id, weight(node))
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!
    const here = distance.get(id) ?? 0
    for (const edge of sequenceSuccessors(graph, id)) {
      if (loopEdges.has(edge.id)) continue
      const next = graph.nodeById.get(edge.to!)
      if (!next) continue
      const through = here + weight(next)
      if (!distance.has(next.id) || through > distance.get(next.id)!) {
        distance.set(next.id, through)
        cameBy.set(next.id, { edgeId: edge.id, from: id })
      }
      const remaining = (inDegree.get(next.id) ?? 0) - 1
      inDegree.set(next.id, remaining)
      if (remaining === 0) queue.push(next.id)
    }
  }
  let farthest: WorkflowNode | null = null
  for (const node of graph.nodes) {
    if (!isEndEvent(node) || !distance.has(node.id)) continue
    if (farthest === null || distance.get(node.id)! > distance.get(farthest.id)!) farthest = node
  }
  if (farthest === null) return { nodeIds: [], edgeIds: [], hours: 0, unestimatedStepIds: [] }
  const nodeIds = [farthest.id]
  const edgeIds: string[] = []
  for (let step = cameBy.get(farthest.id); step; step = cameBy.get(step.from)) {
    edgeIds.push(step.edgeId)
    nodeIds.push(step.from)
  }
  nodeIds.reverse()
  edgeIds.reverse()
  const unestimatedStepIds = nodeIds.filter((id) => {
    const node = graph.nodeById.get(id)
    return node?.shape.type === 'step' && node.shape.props.estimate === null
  })
  return { nodeIds, edgeIds, hours: distance.get(farthest.id)!, unestimatedStepIds }
}

function weight(node: WorkflowNode): number {
  return node.shape.type === 'step' ? (node.shape.props.estimate ?? 0) : 0
}

/** Edges that point back to a shape still on the depth-first stack: they close a loop. */
function edgesClosingLoops(graph: WorkflowGraph, starts: WorkflowNode[]): Set<string> {
  const loopEdges = new Set<string>()
  const state = new Map<string, 'open' | 'done'>()
  for (const start of starts) {
    if (state.has(start.id)) continue
    const stack: Array<{ id: string; next: number }> = [{ id: start.id, next: 0 }]
    state.set(start.id, 'open')
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!
      const edges = sequenceSuccessors(graph, frame.id)
      if (frame.next >= edges.length) {
        state.set(frame.id, 'done')
        stack.pop()
        continue
      }
      const edge = edges[frame.next++]!
      const seen = state.get(edge.to!)
      if (seen === 'open') loopEdges.add(edge.id)
      else if (seen === undefined && graph.nodeById.has(edge.to!)) {
        state.set(edge.to!, 'open')
        stack.push({ id: edge.to!, next: 0 })
      }
    }
  }
  return loopEdges
}
