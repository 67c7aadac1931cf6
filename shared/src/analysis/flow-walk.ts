import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from '../graph/workflow-graph.ts'

/** Sequence edges leaving a node whose far end is bound: the way the work moves on. */
export function sequenceSuccessors(graph: WorkflowGraph, id: string): WorkflowEdge[] {
  return (graph.outgoing.get(id) ?? []).filter((edge) => edge.flow === 'sequence' && edge.to !== null)
}

export function isStartEvent(node: WorkflowNode): boolean {
  return node.shape.type === 'event' && node.shape.props.kind === 'start'
}

export function isEndEvent(node: WorkflowNode): boolean {
  return node.shape.type === 'event' && node.shape.props.kind === 'end'
}

export function steps(graph: WorkflowGraph): WorkflowNode[] {
  return graph.nodes.filter((node) => node.type === 'step')
}

/** Whether any end is reachable from any start along sequence flows, never entering `blocked` nodes. */
export function endReachableAvoiding(
  graph: WorkflowGraph,
  blocked: (node: WorkflowNode) => boolean,
): boolean {
  const starts = graph.nodes.filter((node) => isStartEvent(node) && !blocked(node))
  const seen = new Set(starts.map((node) => node.id))
  const queue = [...starts]
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!
    if (isEndEvent(node)) return true
    for (const edge of sequenceSuccessors(graph, node.id)) {
      const next = graph.nodeById.get(edge.to!)
      if (!next || seen.has(next.id) || blocked(next)) continue
      seen.add(next.id)
      queue.push(next)
    }
  }
  return false
}

/** A share as a whole percentage; an empty whole counts as fully met (nothing is missing). */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.round((part / whole) * 100)
}
