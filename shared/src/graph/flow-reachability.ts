import type { WorkflowGraph } from './workflow-graph.ts'

export type FlowReachability = {
  /** The start events of the map. */
  startIds: string[]
  /** Every shape id a start reaches along sequence flows, the starts included. */
  reached: ReadonlySet<string>
}

const cache = new WeakMap<WorkflowGraph, FlowReachability>()

/**
 * Which shapes the work can reach from a start event, following sequence connectors in their
 * direction (dependencies and information flows do not move the work). Breadth-first, O(nodes +
 * edges); cached per graph because several lint rules ask.
 */
export function flowReachability(graph: WorkflowGraph): FlowReachability {
  const cached = cache.get(graph)
  if (cached) return cached
  const startIds = graph.nodes
    .filter((node) => node.shape.type === 'event' && node.shape.props.kind === 'start')
    .map((node) => node.id)
  const reached = new Set<string>(startIds)
  const queue = [...startIds]
  for (let head = 0; head < queue.length; head++) {
    for (const edge of graph.outgoing.get(queue[head]!) ?? []) {
      if (edge.flow !== 'sequence' || edge.to === null || reached.has(edge.to)) continue
      reached.add(edge.to)
      queue.push(edge.to)
    }
  }
  const result = { startIds, reached }
  cache.set(graph, result)
  return result
}
