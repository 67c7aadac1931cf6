import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from './workflow-graph.ts'

export type FlowReachability = {
  /** The start events of the map. */
  startIds: string[]
  /** Every shape id a start reaches along sequence flows, the starts included. */
  reached: ReadonlySet<string>
}

const cache = new WeakMap<WorkflowGraph, FlowReachability>()
const endCache = new WeakMap<WorkflowGraph, ReadonlySet<string>>()

/**
 * Which shapes the work can reach from a start event, following sequence connectors in their
 * direction (dependencies and information flows do not move the work). Breadth-first, O(nodes +
 * edges); cached per graph because several lint rules ask.
 */
export function flowReachability(graph: WorkflowGraph): FlowReachability {
  const cached = cache.get(graph)
  if (cached) return cached
  const startIds = eventIds(graph, 'start')
  const result = { startIds, reached: closure(startIds, graph.outgoing, (edge) => edge.to) }
  cache.set(graph, result)
  return result
}

/**
 * The shapes from which the work can still reach an End event along sequence connectors, the Ends
 * included: the same walk backwards from the Ends. A shape missing here never finishes, whether its
 * branch stops or loops for ever. Cached per graph.
 */
export function endReachability(graph: WorkflowGraph): ReadonlySet<string> {
  const cached = endCache.get(graph)
  if (cached) return cached
  const reachesEnd = closure(eventIds(graph, 'end'), graph.incoming, (edge) => edge.from)
  endCache.set(graph, reachesEnd)
  return reachesEnd
}

function eventIds(graph: WorkflowGraph, kind: 'start' | 'end'): string[] {
  const isKind = (node: WorkflowNode) => node.shape.type === 'event' && node.shape.props.kind === kind
  return graph.nodes.filter(isKind).map((node) => node.id)
}

/** The roots and every shape reached from them over sequence connectors, `onward` naming the next end. */
function closure(
  roots: readonly string[],
  edgesAt: ReadonlyMap<string, WorkflowEdge[]>,
  onward: (edge: WorkflowEdge) => string | null,
): Set<string> {
  const reached = new Set<string>(roots)
  const queue = [...roots]
  for (let head = 0; head < queue.length; head++) {
    for (const edge of edgesAt.get(queue[head]!) ?? []) {
      const next = onward(edge)
      if (edge.flow !== 'sequence' || next === null || reached.has(next)) continue
      reached.add(next)
      queue.push(next)
    }
  }
  return reached
}
