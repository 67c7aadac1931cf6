import type { WorkflowEdge, WorkflowNode } from '../../graph/workflow-graph.ts'
import type { GraphDelta, LiveGraph } from './live-graph.ts'

/**
 * What the start events reach along sequence connectors (the same closure as `flowReachability`),
 * kept up to date as the graph changes.
 *
 * Every reached shape remembers the connector it was first reached by, which makes a spanning forest
 * rooted at the starts:
 * - a new connector or start only grows the forest: a breadth-first walk from what it newly reaches;
 * - removing a connector that is not in the forest changes nothing (whatever it led to is reached
 *   another way): the common case, e.g. deleting one of two branches into a step;
 * - removing a forest connector (or a start) cuts off its subtree; each cut-off shape with a
 *   connector from a shape still reached is re-attached, and the walk grows again from there. Only the
 *   subtree is revisited, never the whole board.
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

type WorkEdge = WorkflowEdge & { from: string; to: string }

/** A connector that moves the work on: a sequence flow bound at both ends. */
function carriesWork(edge: WorkflowEdge | undefined): edge is WorkEdge {
  return edge !== undefined && edge.flow === 'sequence' && edge.from !== null && edge.to !== null
}

export function createLiveReachability(graph: LiveGraph): LiveReachability {
  const starts = new Set<string>()
  const reached = new Set<string>()
  /** The forest: for each reached shape that is not a root, the connector it was reached by. */
  const reachedBy = new Map<string, WorkEdge>()
  const forestChildren = new Map<string, Set<string>>()
  /** Work-carrying connectors by the shape they arrive at, to re-attach cut-off shapes. */
  const incoming = new Map<string, Map<string, WorkEdge>>()

  function attach(id: string, via: WorkEdge | null) {
    reached.add(id)
    if (via === null) return
    reachedBy.set(id, via)
    const children = forestChildren.get(via.from)
    if (children) children.add(id)
    else forestChildren.set(via.from, new Set([id]))
  }

  /** Attaches the seeds, then everything reachable from them; returns what was newly reached. */
  function grow(seeds: Iterable<{ id: string; via: WorkEdge | null }>): Set<string> {
    const added = new Set<string>()
    const queue: string[] = []
    for (const { id, via } of seeds) {
      if (reached.has(id)) continue
      attach(id, via)
      added.add(id)
      queue.push(id)
    }
    for (let head = 0; head < queue.length; head++) {
      for (const edge of graph.outgoingOf(queue[head]!)) {
        if (!carriesWork(edge) || reached.has(edge.to)) continue
        attach(edge.to, edge)
        added.add(edge.to)
        queue.push(edge.to)
      }
    }
    return added
  }

  /** Unreaches the subtrees under `roots`; returns every shape cut off. */
  function cut(roots: Iterable<string>): Set<string> {
    const removed = new Set<string>()
    const stack = [...roots]
    while (stack.length > 0) {
      const id = stack.pop()!
      if (removed.has(id) || !reached.has(id)) continue
      removed.add(id)
      reached.delete(id)
      const via = reachedBy.get(id)
      if (via !== undefined) {
        reachedBy.delete(id)
        forestChildren.get(via.from)?.delete(id)
      }
      for (const child of forestChildren.get(id) ?? []) stack.push(child)
      forestChildren.delete(id)
    }
    return removed
  }

  function indexIncoming(edge: WorkEdge, add: boolean) {
    let byEdge = incoming.get(edge.to)
    if (add) {
      if (!byEdge) {
        byEdge = new Map()
        incoming.set(edge.to, byEdge)
      }
      byEdge.set(edge.id, edge)
    } else {
      byEdge?.delete(edge.id)
      if (byEdge?.size === 0) incoming.delete(edge.to)
    }
  }

  for (const node of graph.nodes.values()) if (isStartEvent(node)) starts.add(node.id)
  for (const edge of graph.edges.values()) if (carriesWork(edge)) indexIncoming(edge, true)
  grow([...starts].map((id) => ({ id, via: null })))

  return {
    reached,
    get startCount() {
      return starts.size
    },
    update(delta) {
      const cutRoots: string[] = []
      const seeds: Array<{ id: string; via: WorkEdge | null }> = []
      for (const [id, { before, after }] of delta.nodes) {
        const wasStart = isStartEvent(before)
        const isStart = isStartEvent(after)
        if (wasStart && !isStart) {
          starts.delete(id)
          if (!reachedBy.has(id)) cutRoots.push(id) // a root of the forest
        } else if (isStart && !wasStart) {
          starts.add(id)
          seeds.push({ id, via: null })
        }
      }
      for (const [id, { before, after }] of delta.edges) {
        const kept =
          carriesWork(before) && carriesWork(after) && before.from === after.from && before.to === after.to
        if (carriesWork(before)) indexIncoming(before, false)
        if (carriesWork(after)) indexIncoming(after, true)
        if (kept) {
          // Same ends: the forest may keep pointing at it, but with the record as it is now.
          if (reachedBy.get(after.to)?.id === id) reachedBy.set(after.to, after)
          continue
        }
        if (carriesWork(before) && reachedBy.get(before.to)?.id === id) cutRoots.push(before.to)
        if (carriesWork(after) && reached.has(after.from)) seeds.push({ id: after.to, via: after })
      }

      const removed = cut(cutRoots)
      for (const id of removed) {
        if (starts.has(id)) {
          seeds.push({ id, via: null })
          continue
        }
        for (const edge of incoming.get(id)?.values() ?? []) {
          if (!reached.has(edge.from)) continue
          seeds.push({ id, via: edge })
          break
        }
      }
      // A seed whose connector starts at a shape cut off above is not reached (yet) through it.
      const added = grow(seeds.filter((seed) => seed.via === null || reached.has(seed.via.from)))
      const flipped = new Set<string>()
      for (const id of removed) if (!added.has(id)) flipped.add(id)
      for (const id of added) if (!removed.has(id)) flipped.add(id)
      return flipped
    },
  }
}
