/**
 * A placed draft as board records, in the board's conventions: containers on the page (a lane whose
 * `meta.stage` names a stage inside that stage), each card parented to its container with a position
 * relative to it (a lane's cards move with the lane), a step's status and estimate from meta, notes
 * as tldraw sticky notes, connectors bound to the cards they join and routed as the board draws new
 * ones (elbow). Z-order: containers first, then cards, then connectors, so connectors draw over the
 * lanes they cross.
 */
import type { TLArrowShape, TLRecord, TLShape } from '@tldraw/tlschema'
import { STEP_STATUSES, type StepStatus } from '../schema/step.ts'
import { connector, stickyNote, workflowShape } from '../templates/record-builders.ts'
import { flowDash, stackInOrder } from '../templates/template-layout.ts'
import type { DraftRecordIds } from './draft-record-ids.ts'
import type { DraftContainer, DraftEdge, DraftMeta, DraftNode, FlowDraft } from './flow-draft.ts'
import type { DraftGeometry } from './layout/band-layout.ts'
import type { PlacedDraft } from './layout/draft-geometry.ts'
import { type Box, poolsOf } from './layout/layout-graph.ts'

/** The stage a lane sits in: the one its `meta.stage` names (a stage of the draft), else none. */
function stageOfLane(container: DraftContainer, stages: ReadonlySet<string>): string | null {
  const stage = container.meta.stage
  return container.kind === 'lane' && typeof stage === 'string' && stages.has(stage) ? stage : null
}

function containerRecord(
  container: DraftContainer,
  id: string,
  box: Box,
  order: number,
  parent: { id: string; box: Box } | null,
): TLShape {
  // The lane's stage is its parent on the board, so the draft's key for it is not kept as meta.
  const { stage: _stage, ...kept } = container.meta
  const meta = { ...kept, ...(container.pool === null ? {} : { pool: container.pool }) }
  const size = { w: box.w, h: box.h }
  return container.kind === 'lane'
    ? workflowShape('lane', {
        id,
        x: parent === null ? box.x : box.x - parent.box.x,
        y: parent === null ? box.y : box.y - parent.box.y,
        meta,
        ...(parent === null ? {} : { parentId: `shape:${parent.id}` }),
        props: { ...size, label: container.label, roleId: container.roleId },
      })
    : workflowShape('stage', {
        id,
        x: box.x,
        y: box.y,
        meta,
        props: { ...size, label: container.label, order },
      })
}

const stepStatuses: ReadonlySet<string> = new Set(STEP_STATUSES)

/**
 * A step's status and estimate, which the draft carries in `meta` (a BPMN export's `flowmap:status`
 * and `flowmap:estimate`), as the step's props; what is no valid value stays in meta.
 */
function stepProgress(meta: DraftNode['meta']): {
  props: { status?: StepStatus; estimate?: number }
  meta: DraftMeta
} {
  const { status, estimate, ...rest } = meta
  const props: { status?: StepStatus; estimate?: number } = {}
  const kept: Record<string, DraftMeta[string]> = rest
  if (typeof status === 'string' && stepStatuses.has(status)) props.status = status as StepStatus
  else if (status !== undefined) kept.status = status
  if (typeof estimate === 'number' && Number.isFinite(estimate) && estimate >= 0) props.estimate = estimate
  else if (estimate !== undefined) kept.estimate = estimate
  return { props, meta: kept }
}

function nodeRecord(node: DraftNode, id: string, box: Box, parent: { id: string; box: Box } | null): TLShape {
  const place = {
    id,
    x: parent === null ? box.x : box.x - parent.box.x,
    y: parent === null ? box.y : box.y - parent.box.y,
    meta: { ...node.meta },
    ...(parent === null ? {} : { parentId: `shape:${parent.id}` }),
  }
  const size = { w: box.w, h: box.h }
  switch (node.kind) {
    case 'step': {
      const progress = stepProgress(node.meta)
      return workflowShape('step', {
        ...place,
        meta: progress.meta,
        props: {
          ...size,
          label: node.label,
          description: node.description,
          owner: node.owner,
          automation: node.automation,
          ...progress.props,
        },
      })
    }
    case 'decision':
      return workflowShape('decision', { ...place, props: { ...size, question: node.label } })
    case 'event':
      return workflowShape('event', { ...place, props: { ...size, kind: node.event, label: node.label } })
    case 'artifact':
      return workflowShape('artifact', {
        ...place,
        props: { ...size, kind: node.artifact, label: node.label },
      })
    case 'note':
      return stickyNote({ ...place, text: node.label })
    default: {
      const unexpected: never = node
      throw new Error(`unhandled draft node ${JSON.stringify(unexpected)}`)
    }
  }
}

/**
 * The connector of an edge. A loose end has no shape to follow, so the arrow is drawn along the
 * source's waypoints when it has them, else from the end it is bound to.
 */
function edgeRecords(
  edge: DraftEdge,
  id: string,
  ends: { from: string | null; to: string | null },
  boundBox: Box | null,
): TLRecord[] {
  const records = connector({
    id,
    from: ends.from,
    to: ends.to,
    flow: edge.flow,
    kind: 'elbow',
    dash: flowDash(edge.flow),
    ...(edge.branch === null ? {} : { branch: edge.branch, text: edge.branch }),
  })
  const arrow = records[0] as TLArrowShape
  const loose = ends.from === null || ends.to === null
  const first = edge.waypoints?.[0]
  const last = edge.waypoints?.at(-1)
  let placed: Partial<TLArrowShape> = {}
  if (loose && first !== undefined && last !== undefined) {
    placed = {
      x: first.x,
      y: first.y,
      props: { ...arrow.props, start: { x: 0, y: 0 }, end: { x: last.x - first.x, y: last.y - first.y } },
    }
  } else if (loose && boundBox !== null) {
    placed = { x: boundBox.x + boundBox.w / 2, y: boundBox.y + boundBox.h / 2 }
  }
  return [{ ...arrow, ...placed, meta: { ...edge.meta, ...arrow.meta } }, ...records.slice(1)]
}

/** Stage `order`: its place in its pool, left to right, from 1 (a stage alone is 1). */
function stageOrders(draft: FlowDraft, geometry: DraftGeometry): Map<string, number> {
  const orders = new Map<string, number>()
  for (const stages of poolsOf(draft.containers.filter((container) => container.kind === 'stage'))) {
    const left = (stage: DraftContainer) => geometry.containers.get(stage.id)!.x
    const sorted = [...stages].sort((a, b) => left(a) - left(b))
    for (const [i, stage] of sorted.entries()) orders.set(stage.id, i + 1)
  }
  return orders
}

export function draftRecords(draft: FlowDraft, geometry: PlacedDraft, ids: DraftRecordIds): TLRecord[] {
  const orders = stageOrders(draft, geometry)
  const stageIds = new Set(draft.containers.filter((c) => c.kind === 'stage').map((c) => c.id))
  const containers = draft.containers.map((container) => {
    const stage = stageOfLane(container, stageIds)
    return containerRecord(
      container,
      ids.container.get(container.id)!,
      geometry.containers.get(container.id)!,
      orders.get(container.id) ?? 0,
      stage === null ? null : { id: ids.container.get(stage)!, box: geometry.containers.get(stage)! },
    )
  })
  const cards = draft.nodes.map((node) => {
    const drawnIn = geometry.containerOf.get(node.id) ?? null
    const containerId = drawnIn === null ? undefined : ids.container.get(drawnIn)
    const parent =
      containerId === undefined ? null : { id: containerId, box: geometry.containers.get(drawnIn!)! }
    return nodeRecord(node, ids.node.get(node.id)!, geometry.nodes.get(node.id)!, parent)
  })
  const connectors = draft.edges.flatMap((edge) => {
    const from = edge.from === null ? null : (ids.node.get(edge.from) ?? null)
    const to = edge.to === null ? null : (ids.node.get(edge.to) ?? null)
    const bound = from !== null ? edge.from : to !== null ? edge.to : null
    return edgeRecords(
      edge,
      ids.edge.get(edge.id)!,
      { from, to },
      bound === null ? null : geometry.nodes.get(bound)!,
    )
  })
  return stackInOrder([...containers, ...cards, ...connectors])
}
