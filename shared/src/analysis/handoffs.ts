import type { WorkflowEdge, WorkflowGraph } from '../graph/workflow-graph.ts'

export type Handoff = {
  edgeId: string
  from: string
  to: string
  fromRole: string
  toRole: string
  informed: boolean
}

export type HandoffInsights = {
  handoffs: Handoff[]
  /** Handoffs per ordered pair of roles, most frequent first. */
  perRolePair: Array<{ fromRole: string; toRole: string; count: number; uninformed: number }>
  /** Handoffs with no information flow beside them: work changes hands, what it needs does not. */
  withoutInformation: Handoff[]
}

/**
 * A handoff is a sequence flow between two shapes owned by different roles. It is informed when an
 * information flow joins the same two shapes (either way), or runs from the sender to an artifact that
 * flows on to the receiver.
 */
export function handoffInsights(graph: WorkflowGraph): HandoffInsights {
  const handoffs: Handoff[] = []
  for (const edge of graph.edges) {
    if (edge.flow !== 'sequence' || edge.from === null || edge.to === null) continue
    const fromRole = graph.nodeById.get(edge.from)?.owner ?? null
    const toRole = graph.nodeById.get(edge.to)?.owner ?? null
    if (fromRole === null || toRole === null || fromRole === toRole) continue
    handoffs.push({
      edgeId: edge.id,
      from: edge.from,
      to: edge.to,
      fromRole,
      toRole,
      informed: isInformed(graph, edge.from, edge.to),
    })
  }
  const pairs = new Map<string, { fromRole: string; toRole: string; count: number; uninformed: number }>()
  for (const handoff of handoffs) {
    const key = `${handoff.fromRole}\u0000${handoff.toRole}`
    const pair = pairs.get(key) ?? {
      fromRole: handoff.fromRole,
      toRole: handoff.toRole,
      count: 0,
      uninformed: 0,
    }
    pair.count++
    if (!handoff.informed) pair.uninformed++
    pairs.set(key, pair)
  }
  return {
    handoffs,
    perRolePair: [...pairs.values()].sort((a, b) => b.count - a.count),
    withoutInformation: handoffs.filter((handoff) => !handoff.informed),
  }
}

function informationEdges(
  graph: WorkflowGraph,
  id: string,
  direction: 'outgoing' | 'incoming',
): WorkflowEdge[] {
  return (graph[direction].get(id) ?? []).filter((edge) => edge.flow === 'information')
}

function isInformed(graph: WorkflowGraph, from: string, to: string): boolean {
  for (const edge of informationEdges(graph, from, 'outgoing')) {
    if (edge.to === to) return true
    const via = edge.to === null ? undefined : graph.nodeById.get(edge.to)
    if (
      via?.type === 'artifact' &&
      informationEdges(graph, via.id, 'outgoing').some((next) => next.to === to)
    ) {
      return true
    }
  }
  return informationEdges(graph, from, 'incoming').some((edge) => edge.from === to)
}
