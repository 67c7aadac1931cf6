import type { WorkflowEdge, WorkflowNode } from '../../graph/workflow-graph.ts'
import type { GraphDelta, LiveGraph } from './live-graph.ts'

/**
 * What the start events reach along sequence connectors (the same closure as `flowReachability`),
 * kept up to date as the graph changes.
 *
 * Growth is cheap and common (drawing the next connector, adding a start): a breadth-first walk from
 * the newly reachable shapes only. Shrinking is not local (a removed connector may or may not cut off
 * what lies behind it, through loops), so a removal that touches the reached part recomputes the
 * closure, which is linear in the graph and needs no records read.
 */
export type LiveReachability = {
  readonly reached: ReadonlySet<string>
  readonly startCount: number
  /** Applies a graph delta; returns the shapes whose reached status flipped. */
  update(delta: GraphDelta): Set<string>
}

export function isStartEvent(node: WorkflowNode | undefined): boolean {
  return node?.shape.type === 'event' && node.shape.props.kind === 'start'
}

/** A connector that moves the work on: a sequence flow bound at both ends. */
function carriesWork(edge: WorkflowEdge | undefined): edge is WorkflowEdge & { from: string; to: string } {
  return edge !== undefined && edge.flow === 'sequence' && edge.from !== null && edge.to !== null
}

export function createLiveReachability(graph: LiveGraph): LiveReachability {
  const starts = new Set<string>()
  for (const node of graph.nodes.values()) if (isStartEvent(node)) starts.add(node.id)
  let reached = new Set<string>()

  /** Adds everything reachable from `seeds` to `reached`; returns what was new. */
  function grow(seeds: Iterable<string>): Set<string> {
    const added = new Set<string>()
    const queue: string[] = []
    for (const seed of seeds) {
      if (reached.has(seed)) continue
      reached.add(seed)
      added.add(seed)
      queue.push(seed)
    }
    for (let head = 0; head < queue.length; head++) {
      for (const edge of graph.outgoingOf(queue[head]!)) {
        if (!carriesWork(edge) || reached.has(edge.to)) continue
        reached.add(edge.to)
        added.add(edge.to)
        queue.push(edge.to)
      }
    }
    return added
  }

  function recompute(): Set<string> {
    const previous = reached
    reached = new Set()
    grow(starts)
    const flipped = new Set<string>()
    for (const id of previous) if (!reached.has(id)) flipped.add(id)
    for (const id of reached) if (!previous.has(id)) flipped.add(id)
    return flipped
  }

  grow(starts)

  return {
    get reached() {
      return reached
    },
    get startCount() {
      return starts.size
    },
    update(delta) {
      let shrinks = false
      const seeds: string[] = []
      for (const [id, { before, after }] of delta.nodes) {
        const wasStart = isStartEvent(before)
        const isStart = isStartEvent(after)
        if (wasStart && !isStart) {
          starts.delete(id)
          shrinks = true
        } else if (isStart && !wasStart) {
          starts.add(id)
          seeds.push(id)
        }
      }
      for (const { before, after } of delta.edges.values()) {
        const kept =
          carriesWork(before) && carriesWork(after) && before.from === after.from && before.to === after.to
        if (kept) continue
        if (carriesWork(before) && reached.has(before.from)) shrinks = true
        if (carriesWork(after) && reached.has(after.from)) seeds.push(after.to)
      }
      return shrinks ? recompute() : grow(seeds)
    },
  }
}
