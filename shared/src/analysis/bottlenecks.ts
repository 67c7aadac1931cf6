import type { WorkflowGraph } from '../graph/workflow-graph.ts'

export type NodeLoad = { id: string; label: string; fanIn: number; fanOut: number; blocks: number }

export type BottleneckInsights = {
  /** Steps and decisions by fan-in + fan-out of sequence and dependency flows, highest first (top 10). */
  busiest: NodeLoad[]
  /** Shapes that other steps depend on, by how many they block (direct and through others), highest first. */
  blocking: NodeLoad[]
}

const TOP = 10

/** A dependency connector A → B reads "B depends on A": A blocks B, and whatever B blocks. */
export function bottleneckInsights(graph: WorkflowGraph): BottleneckInsights {
  const loads: NodeLoad[] = []
  for (const node of graph.nodes) {
    if (node.type !== 'step' && node.type !== 'decision') continue
    const moving = (edge: { flow: string }) => edge.flow !== 'information'
    const fanIn = (graph.incoming.get(node.id) ?? []).filter(moving).length
    const fanOut = (graph.outgoing.get(node.id) ?? []).filter(moving).length
    loads.push({ id: node.id, label: node.label, fanIn, fanOut, blocks: transitivelyBlocked(graph, node.id) })
  }
  const busiest = loads
    .filter((load) => load.fanIn + load.fanOut > 0)
    .sort((a, b) => b.fanIn + b.fanOut - (a.fanIn + a.fanOut) || a.id.localeCompare(b.id))
    .slice(0, TOP)
  const blocking = loads
    .filter((load) => load.blocks > 0)
    .sort((a, b) => b.blocks - a.blocks || a.id.localeCompare(b.id))
    .slice(0, TOP)
  return { busiest, blocking }
}

function transitivelyBlocked(graph: WorkflowGraph, id: string): number {
  const seen = new Set<string>([id])
  const queue = [id]
  for (let head = 0; head < queue.length; head++) {
    for (const edge of graph.outgoing.get(queue[head]!) ?? []) {
      if (edge.flow !== 'dependency' || edge.to === null || seen.has(edge.to)) continue
      seen.add(edge.to)
      queue.push(edge.to)
    }
  }
  return seen.size - 1
}
