import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { readConnectorMeta } from '../schema/connector.ts'
import type { Role } from '../schema/role.ts'
import { isWorkflowShapeType } from '../schema/workflow-shapes.ts'
import { createContainerResolver } from './containers.ts'
import { plainTextOf } from './rich-text-plain.ts'
import type {
  WorkflowEdge,
  WorkflowGraph,
  WorkflowLane,
  WorkflowNode,
  WorkflowNodeShape,
  WorkflowStage,
} from './workflow-graph.ts'

type ArrowEnds = { start: string | null; end: string | null }

/**
 * The workflow a board's records describe. Linear in the number of records.
 *
 * 1. Index every shape's parent, and the ends of every arrow from its arrow bindings.
 * 2. Stages and lanes become containers; steps, decisions, artifacts and events become nodes, with
 *    their nearest lane and stage by parent, and a step's owner falling back to its lane's role.
 * 3. Arrows become edges when they are connectors: bound at either end to a workflow shape, or
 *    given a `meta.flow`. Other arrows are drawings (workshop annotations) and stay out of the graph.
 *    An end bound to a shape that no longer exists counts as loose.
 */
export function toWorkflowGraph(records: Iterable<TLRecord>, roles: readonly Role[]): WorkflowGraph {
  // Shape records serve as their own parent entries: no copy per shape.
  const shapes = new Map<string, TLShape>()
  const arrowEnds = new Map<string, ArrowEnds>()
  for (const record of records) {
    if (record.typeName === 'shape') {
      shapes.set(record.id, record)
    } else if (record.typeName === 'binding' && record.type === 'arrow') {
      const ends = arrowEnds.get(record.fromId) ?? { start: null, end: null }
      ends[record.props.terminal] = record.toId
      arrowEnds.set(record.fromId, ends)
    }
  }

  const containersOfChildrenOf = createContainerResolver(shapes)
  const stages: WorkflowStage[] = []
  const lanes: WorkflowLane[] = []
  const laneRole = new Map<string, string | null>()
  const nodeShapes: WorkflowNodeShape[] = []
  const arrows: TLShape<'arrow'>[] = []
  for (const shape of shapes.values()) {
    switch (shape.type) {
      case 'stage':
        stages.push({
          id: shape.id,
          label: shape.props.label,
          order: shape.props.order,
          parentId: shape.parentId,
        })
        break
      case 'lane': {
        const { stageId } = containersOfChildrenOf(shape.parentId)
        lanes.push({
          id: shape.id,
          label: shape.props.label,
          roleId: shape.props.roleId,
          parentId: shape.parentId,
          stageId,
        })
        laneRole.set(shape.id, shape.props.roleId)
        break
      }
      case 'step':
      case 'decision':
      case 'artifact':
      case 'event':
        nodeShapes.push(shape)
        break
      case 'arrow':
        arrows.push(shape)
        break
    }
  }

  const nodes: WorkflowNode[] = nodeShapes.map((shape) => {
    const { laneId, stageId } = containersOfChildrenOf(shape.parentId)
    const own = shape.type === 'step' ? shape.props.owner : null
    const inherited = laneId === null ? null : (laneRole.get(laneId) ?? null)
    return {
      id: shape.id,
      type: shape.type,
      label: shape.type === 'decision' ? shape.props.question : shape.props.label,
      parentId: shape.parentId,
      laneId,
      stageId,
      owner: own ?? inherited,
      ownerSource: own !== null ? 'own' : inherited !== null ? 'lane' : null,
      shape,
    }
  })

  const edges: WorkflowEdge[] = []
  const isWorkflowShape = (id: string | null) => id !== null && isWorkflowShapeType(shapes.get(id)?.type)
  for (const arrow of arrows) {
    const bound = arrowEnds.get(arrow.id)
    // A binding to a shape that is gone (deleted concurrently) leaves that end loose.
    const ends = {
      start: bound?.start != null && shapes.has(bound.start) ? bound.start : null,
      end: bound?.end != null && shapes.has(bound.end) ? bound.end : null,
    }
    const meta = readConnectorMeta(arrow.meta)
    const hasFlowMeta = typeof (arrow.meta as { flow?: unknown }).flow === 'string'
    if (!hasFlowMeta && !isWorkflowShape(ends.start) && !isWorkflowShape(ends.end)) continue
    const text = plainTextOf(arrow.props.richText).trim()
    edges.push({
      id: arrow.id,
      from: ends.start,
      to: ends.end,
      flow: meta.flow,
      branch: meta.branch ?? (text === '' ? null : text),
      probability: meta.probability,
    })
  }

  return indexWorkflowGraph({ nodes, edges, lanes, stages, roles })
}

/** A graph from its parts, with the lookups analyses use (by id, and each node's edges both ways). */
export function indexWorkflowGraph(parts: {
  nodes: WorkflowNode[]
  edges: WorkflowEdge[]
  lanes: WorkflowLane[]
  stages: WorkflowStage[]
  roles: readonly Role[]
}): WorkflowGraph {
  const { nodes, edges, lanes, stages, roles } = parts
  return {
    nodes,
    edges,
    lanes,
    stages,
    roles: [...roles],
    nodeById: new Map(nodes.map((node) => [node.id, node])),
    laneById: new Map(lanes.map((lane) => [lane.id, lane])),
    stageById: new Map(stages.map((stage) => [stage.id, stage])),
    roleById: new Map(roles.map((role) => [role.id, role])),
    outgoing: groupBy(edges, (edge) => edge.from),
    incoming: groupBy(edges, (edge) => edge.to),
  }
}

function groupBy(edges: readonly WorkflowEdge[], key: (edge: WorkflowEdge) => string | null) {
  const groups = new Map<string, WorkflowEdge[]>()
  for (const edge of edges) {
    const id = key(edge)
    if (id === null) continue
    const group = groups.get(id)
    if (group) group.push(edge)
    else groups.set(id, [edge])
  }
  return groups
}
