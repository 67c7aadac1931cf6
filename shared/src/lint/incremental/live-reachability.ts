import { isEndEvent } from '../../analysis/flow-walk.ts'
import type { WorkflowEdge, WorkflowNode } from '../../graph/workflow-graph.ts'
import type { GraphDelta, LiveGraph } from './live-graph.ts'

/**
 * A reachability closure along sequence connectors, kept up to date as the graph changes. Two are
 * kept: forward from the start events (what the work reaches, the same closure as
 * `flowReachability`) and backward from the End events (what can still finish, the same closure as
 * `endReachability`). One algorithm serves both; only the roots and the connectors' direction differ.
 *
 * Every member remembers the connector it was first reached by, which makes a spanning forest
 * rooted at the roots:
 * - a new connector or root only grows the forest: a breadth-first walk from what it newly reaches;
 * - removing a connector that is not in the forest changes nothing (whatever it led to is reached
 *   another way): the common case, e.g. deleting one of two branches into a step;
 * - removing a forest connector (or a root) cuts off its subtree; each cut-off shape with a
 *   connector from a shape still reached is re-attached, and the walk grows again from there. Only the
 *   subtree is revisited, never the whole board. Cycles need nothing special: a shape on a loop with
 *   no way to a root is simply never reached.
 */
export type LiveReachability = {
  /** The roots and everything reached from them. */
  readonly reached: ReadonlySet<string>
  readonly rootCount: number
  /** Applies a graph delta; returns the shapes whose reached status flipped. */
  update(delta: GraphDelta): Set<string>
}

export function isStartEvent(node: WorkflowNode | undefined): boolean {
  return node?.shape.type === 'event' && node.shape.props.kind === 'start'
}

/** What the start events reach, following connectors in their direction. */
export function createLiveReachability(graph: LiveGraph): LiveReachability {
  return createLiveClosure(graph, { isRoot: isStartEvent, near: 'from' })
}

/** The shapes from which an End event is reached (the Ends included): connectors walked backwards. */
export function createLiveEndReachability(graph: LiveGraph): LiveReachability {
  return createLiveClosure(graph, { isRoot: (node) => node !== undefined && isEndEvent(node), near: 'to' })
}

type WorkEdge = WorkflowEdge & { from: string; to: string }
type EdgeEnd = 'from' | 'to'

/** A connector that moves the work on: a sequence flow bound at both ends. */
function carriesWork(edge: WorkflowEdge | undefined): edge is WorkEdge {
  return edge !== undefined && edge.flow === 'sequence' && edge.from !== null && edge.to !== null
}

type Direction = {
  isRoot(node: WorkflowNode | undefined): boolean
  /** The end of a connector that must be reached for the closure to spread to the other end. */
  near: EdgeEnd
}

function createLiveClosure(graph: LiveGraph, direction: Direction): LiveReachability {
  const { isRoot, near } = direction
  const far: EdgeEnd = near === 'from' ? 'to' : 'from'
  const roots = new Set<string>()
  const reached = new Set<string>()
  /** The forest: for each reached shape that is not a root, the connector it was reached by. */
  const reachedBy = new Map<string, WorkEdge>()
  const forestChildren = new Map<string, Set<string>>()
  /** Work-carrying connectors by the shape they arrive at (the graph keeps them by where they leave). */
  const incoming = new Map<string, Map<string, WorkEdge>>()

  /** The work-carrying connectors whose `end` is the shape, as the graph is now. */
  function* edgesAt(id: string, end: EdgeEnd): Iterable<WorkEdge> {
    if (end === 'to') {
      yield* incoming.get(id)?.values() ?? []
      return
    }
    for (const edge of graph.outgoingOf(id)) if (carriesWork(edge)) yield edge
  }

  function attach(id: string, via: WorkEdge | null) {
    reached.add(id)
    if (via === null) return
    reachedBy.set(id, via)
    const children = forestChildren.get(via[near])
    if (children) children.add(id)
    else forestChildren.set(via[near], new Set([id]))
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
      for (const edge of edgesAt(queue[head]!, near)) {
        const next = edge[far]
        if (reached.has(next)) continue
        attach(next, edge)
        added.add(next)
        queue.push(next)
      }
    }
    return added
  }

  /** Unreaches the subtrees under `cutRoots`; returns every shape cut off. */
  function cut(cutRoots: Iterable<string>): Set<string> {
    const removed = new Set<string>()
    const stack = [...cutRoots]
    while (stack.length > 0) {
      const id = stack.pop()!
      if (removed.has(id) || !reached.has(id)) continue
      removed.add(id)
      reached.delete(id)
      const via = reachedBy.get(id)
      if (via !== undefined) {
        reachedBy.delete(id)
        forestChildren.get(via[near])?.delete(id)
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

  for (const node of graph.nodes.values()) if (isRoot(node)) roots.add(node.id)
  for (const edge of graph.edges.values()) if (carriesWork(edge)) indexIncoming(edge, true)
  grow([...roots].map((id) => ({ id, via: null })))

  return {
    reached,
    get rootCount() {
      return roots.size
    },
    update(delta) {
      const cutRoots: string[] = []
      const seeds: Array<{ id: string; via: WorkEdge | null }> = []
      for (const [id, { before, after }] of delta.nodes) {
        const wasRoot = isRoot(before)
        const nowRoot = isRoot(after)
        if (wasRoot && !nowRoot) {
          roots.delete(id)
          if (!reachedBy.has(id)) cutRoots.push(id) // a root of the forest
        } else if (nowRoot && !wasRoot) {
          roots.add(id)
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
          if (reachedBy.get(after[far])?.id === id) reachedBy.set(after[far], after)
          continue
        }
        if (carriesWork(before) && reachedBy.get(before[far])?.id === id) cutRoots.push(before[far])
        if (carriesWork(after) && reached.has(after[near])) seeds.push({ id: after[far], via: after })
      }

      const removed = cut(cutRoots)
      for (const id of removed) {
        if (roots.has(id)) {
          seeds.push({ id, via: null })
          continue
        }
        for (const edge of edgesAt(id, far)) {
          if (!reached.has(edge[near])) continue
          seeds.push({ id, via: edge })
          break
        }
      }
      // A seed whose connector starts at a shape cut off above is not reached (yet) through it.
      const added = grow(seeds.filter((seed) => seed.via === null || reached.has(seed.via[near])))
      const flipped = new Set<string>()
      for (const id of removed) if (!added.has(id)) flipped.add(id)
      for (const id of added) if (!removed.has(id)) flipped.add(id)
      return flipped
    },
  }
}
