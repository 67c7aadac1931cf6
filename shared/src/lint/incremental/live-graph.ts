import type { TLArrowBinding, TLRecord, TLShape } from '@tldraw/tlschema'
import type { RecordsChange } from '../../doc/observe-records.ts'
import { toWorkflowGraph } from '../../graph/to-workflow-graph.ts'
import type { WorkflowEdge, WorkflowLane, WorkflowNode } from '../../graph/workflow-graph.ts'

/** What one part of the graph was before a change and is after it (undefined: absent). */
export type Changed<T> = { before: T | undefined; after: T | undefined }

/** The parts of the workflow graph one batch of record changes altered. */
export type GraphDelta = {
  nodes: Map<string, Changed<WorkflowNode>>
  edges: Map<string, Changed<WorkflowEdge>>
  lanes: Map<string, Changed<WorkflowLane>>
}

/**
 * The workflow graph of a board, kept up to date record change by record change, so that a change to
 * one shape costs what that shape can affect, not the whole board.
 *
 * What a record can affect:
 * - a shape: its own node/lane/edge, and every shape below it (lane, stage and owner are inherited
 *   through parents: moving or re-roling a lane changes its steps);
 * - a shape appearing or disappearing: the connectors bound to it (their end becomes bound or loose);
 * - an arrow binding: the connector it belongs to.
 *
 * Each affected node and connector is rebuilt by `toWorkflowGraph` itself on the few records that
 * decide it (the shape with its ancestors; the arrow with its bindings and the shapes they hold), so
 * the incremental graph cannot drift from the full one's rules.
 */
export type LiveGraph = {
  readonly nodes: ReadonlyMap<string, WorkflowNode>
  readonly edges: ReadonlyMap<string, WorkflowEdge>
  readonly lanes: ReadonlyMap<string, WorkflowLane>
  /** Connectors by the shape they start at (loose starts excluded). */
  outgoingOf(shapeId: string): Iterable<WorkflowEdge>
  apply(change: RecordsChange): GraphDelta
}

/** Past this many shapes touched by one change, one full graph build beats rebuilding each. */
const BULK_CHANGE = 500

export function createLiveGraph(records: Iterable<TLRecord>): LiveGraph {
  const shapes = new Map<string, TLShape>()
  const children = new Map<string, Set<string>>()
  const bindings = new Map<string, TLArrowBinding>()
  const bindingsOfArrow = new Map<string, Set<string>>()
  /** Bindings by the shape they hold: by binding, not arrow, as both ends of one arrow may hold it. */
  const bindingsTo = new Map<string, Set<string>>()
  const nodes = new Map<string, WorkflowNode>()
  const edges = new Map<string, WorkflowEdge>()
  const lanes = new Map<string, WorkflowLane>()
  const outgoing = new Map<string, Set<string>>()

  function addTo(index: Map<string, Set<string>>, key: string, value: string) {
    const set = index.get(key)
    if (set) set.add(value)
    else index.set(key, new Set([value]))
  }
  function removeFrom(index: Map<string, Set<string>>, key: string, value: string) {
    const set = index.get(key)
    if (!set) return
    set.delete(value)
    if (set.size === 0) index.delete(key)
  }

  /** Records in or out; returns the shapes and arrows whose graph part must be rebuilt. */
  function take(change: RecordsChange) {
    const dirtyShapes = new Set<string>()
    const dirtyArrows = new Set<string>()
    const markSubtree = (id: string) => {
      const stack = [id]
      while (stack.length > 0) {
        const next = stack.pop()!
        if (dirtyShapes.has(next)) continue
        dirtyShapes.add(next)
        for (const child of children.get(next) ?? []) stack.push(child)
      }
    }
    const markBoundArrows = (id: string) => {
      for (const bindingId of bindingsTo.get(id) ?? []) dirtyArrows.add(bindings.get(bindingId)!.fromId)
    }
    const forgetShape = (shape: TLShape) => {
      shapes.delete(shape.id)
      removeFrom(children, shape.parentId, shape.id)
    }
    const forgetBinding = (binding: TLArrowBinding) => {
      bindings.delete(binding.id)
      removeFrom(bindingsOfArrow, binding.fromId, binding.id)
      removeFrom(bindingsTo, binding.toId, binding.id)
      dirtyArrows.add(binding.fromId)
    }

    for (const id of change.removed) {
      const shape = shapes.get(id)
      if (shape !== undefined) {
        forgetShape(shape)
        markSubtree(id)
        markBoundArrows(id)
        if (shape.type === 'arrow') dirtyArrows.add(id)
        continue
      }
      const binding = bindings.get(id)
      if (binding !== undefined) forgetBinding(binding)
    }
    for (const record of change.upserted) {
      if (record.typeName === 'shape') {
        const previous = shapes.get(record.id)
        if (previous !== undefined) forgetShape(previous)
        shapes.set(record.id, record)
        addTo(children, record.parentId, record.id)
        markSubtree(record.id)
        // Whether a connector's end is bound depends on the shape existing, and on its type.
        if (previous === undefined || previous.type !== record.type) markBoundArrows(record.id)
        if (record.type === 'arrow' || previous?.type === 'arrow') dirtyArrows.add(record.id)
      } else if (record.typeName === 'binding' && record.type === 'arrow') {
        const previous = bindings.get(record.id)
        if (previous !== undefined) forgetBinding(previous)
        bindings.set(record.id, record)
        addTo(bindingsOfArrow, record.fromId, record.id)
        addTo(bindingsTo, record.toId, record.id)
        dirtyArrows.add(record.fromId)
      }
    }
    return { dirtyShapes, dirtyArrows }
  }

  /** The shape with its parent chain: all `toWorkflowGraph` needs to place it in lanes and stages. */
  function withAncestors(shape: TLShape): TLShape[] {
    const chain = [shape]
    const seen = new Set([shape.id])
    for (
      let parent = shapes.get(shape.parentId);
      parent !== undefined;
      parent = shapes.get(parent.parentId)
    ) {
      if (seen.has(parent.id)) break // a parent cycle from concurrent moves: toWorkflowGraph resolves it
      seen.add(parent.id)
      chain.push(parent)
    }
    return chain
  }

  function rebuildShape(id: string, delta: GraphDelta) {
    const shape = shapes.get(id)
    // Arrows are connectors (rebuilt apart), never nodes or lanes.
    if (shape?.type === 'arrow' && !nodes.has(id) && !lanes.has(id)) return
    const part = shape === undefined ? null : toWorkflowGraph(withAncestors(shape), [])
    const node = part?.nodeById.get(id)
    const lane = part?.laneById.get(id)
    const beforeNode = nodes.get(id)
    if (beforeNode !== undefined || node !== undefined) {
      if (node === undefined) nodes.delete(id)
      else nodes.set(id, node)
      const entry = delta.nodes.get(id)
      delta.nodes.set(id, { before: entry ? entry.before : beforeNode, after: node })
    }
    const beforeLane = lanes.get(id)
    if (beforeLane !== undefined || lane !== undefined) {
      if (lane === undefined) lanes.delete(id)
      else lanes.set(id, lane)
      delta.lanes.set(id, { before: beforeLane, after: lane })
    }
  }

  function rebuildArrow(id: string, delta: GraphDelta) {
    const arrow = shapes.get(id)
    let edge: WorkflowEdge | undefined
    if (arrow?.type === 'arrow') {
      const part: TLRecord[] = [arrow]
      for (const bindingId of bindingsOfArrow.get(id) ?? []) {
        const binding = bindings.get(bindingId)!
        part.push(binding)
        const target = shapes.get(binding.toId)
        if (target !== undefined && target.id !== id) part.push(target)
      }
      edge = toWorkflowGraph(part, []).edges.find((candidate) => candidate.id === id)
    }
    const before = edges.get(id)
    if (before === undefined && edge === undefined) return
    if (before?.from != null) removeFrom(outgoing, before.from, id)
    if (edge === undefined) edges.delete(id)
    else {
      edges.set(id, edge)
      if (edge.from !== null) addTo(outgoing, edge.from, id)
    }
    delta.edges.set(id, { before, after: edge })
  }

  /**
   * The whole graph from the indexed records in one `toWorkflowGraph` run, reported as a change of
   * every part: cheaper than one small run per shape when a change touches much of the board (the
   * first load, a sync that brings the whole board, a paste of hundreds of shapes).
   */
  function rebuildAll(): GraphDelta {
    const whole = toWorkflowGraph([...shapes.values(), ...bindings.values()], [])
    const delta: GraphDelta = { nodes: new Map(), edges: new Map(), lanes: new Map() }
    const replace = <T extends { id: string }>(
      current: Map<string, T>,
      next: T[],
      changes: Map<string, Changed<T>>,
    ) => {
      const before = new Map(current)
      current.clear()
      for (const part of next) current.set(part.id, part)
      for (const [id, part] of before) changes.set(id, { before: part, after: current.get(id) })
      for (const [id, part] of current)
        if (!before.has(id)) changes.set(id, { before: undefined, after: part })
    }
    replace(nodes, whole.nodes, delta.nodes)
    replace(lanes, whole.lanes, delta.lanes)
    replace(edges, whole.edges, delta.edges)
    outgoing.clear()
    for (const edge of whole.edges) if (edge.from !== null) addTo(outgoing, edge.from, edge.id)
    return delta
  }

  function apply(change: RecordsChange): GraphDelta {
    const { dirtyShapes, dirtyArrows } = take(change)
    if (dirtyShapes.size + dirtyArrows.size > BULK_CHANGE) return rebuildAll()
    const delta: GraphDelta = { nodes: new Map(), edges: new Map(), lanes: new Map() }
    for (const id of dirtyShapes) rebuildShape(id, delta)
    for (const id of dirtyArrows) rebuildArrow(id, delta)
    return delta
  }

  take({ upserted: [...records], removed: [] })
  rebuildAll()

  return {
    nodes,
    edges,
    lanes,
    *outgoingOf(shapeId) {
      for (const id of outgoing.get(shapeId) ?? []) yield edges.get(id)!
    },
    apply,
  }
}
