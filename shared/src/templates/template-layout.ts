/**
 * The grid the built-in templates are drawn on, so every template reads the same way: lanes stacked
 * into one pool (rows) or stages side by side (columns), cards centred in their cell, connectors bound
 * to the shapes they join (they follow when a shape moves) and routed as the board draws new ones.
 */
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { getIndices } from '@tldraw/utils'
import type { FlowKind } from '../schema/connector.ts'
import type { WorkflowShapeType } from '../schema/workflow-shapes.ts'
import { workflowShapeDefaultProps } from '../schema/workflow-shapes.ts'
import { connector, type WorkflowShapeInit, workflowShape } from './record-builders.ts'

/** The band on a lane's left that names it (client: `LANE_HEADER_WIDTH`), plus room before the first card. */
const LANE_CONTENT_LEFT = 132 + 48
/** The band on a stage's top that names it (client: `STAGE_HEADER_HEIGHT`), plus room before the first card. */
const STAGE_CONTENT_TOP = 44 + 36

export const LANE_HEIGHT = 200
/** One column of a lane: a card and the gap a connector needs. */
export const COLUMN_WIDTH = 280
/** One row of a stage. */
export const ROW_HEIGHT = 150
export const STAGE_WIDTH = 320

export type ContainerSpec = { key: string; label: string; roleId?: string | null }

/** Lanes stacked top to bottom in one pool (`meta.pool`), so resizing one restacks the others. */
export function lanePool(
  pool: string,
  lanes: readonly ContainerSpec[],
  options: { columns: number; x?: number; y?: number },
): TLShape<'lane'>[] {
  const width = LANE_CONTENT_LEFT + options.columns * COLUMN_WIDTH
  return lanes.map((lane, row) =>
    workflowShape('lane', {
      id: lane.key,
      x: options.x ?? 0,
      y: (options.y ?? 0) + row * LANE_HEIGHT,
      meta: { pool },
      props: { w: width, h: LANE_HEIGHT, label: lane.label, roleId: lane.roleId ?? null },
    }),
  )
}

/** Stages side by side in one pool, numbered left to right. */
export function stagePool(
  pool: string,
  stages: readonly ContainerSpec[],
  options: { rows: number; x?: number; y?: number },
): TLShape<'stage'>[] {
  const height = STAGE_CONTENT_TOP + options.rows * ROW_HEIGHT
  return stages.map((stage, column) =>
    workflowShape('stage', {
      id: stage.key,
      x: (options.x ?? 0) + column * STAGE_WIDTH,
      y: options.y ?? 0,
      meta: { pool },
      props: { w: STAGE_WIDTH, h: height, label: stage.label, order: column + 1 },
    }),
  )
}

type Placed<K extends WorkflowShapeType> = Omit<WorkflowShapeInit<K>, 'x' | 'y' | 'parentId'>

function sizeOf<K extends WorkflowShapeType>(type: K, init: Placed<K>): { w: number; h: number } {
  const props = { ...workflowShapeDefaultProps[type], ...init.props } as { w: number; h: number }
  return { w: props.w, h: props.h }
}

/** A card in a lane's column, centred in its cell (positions are the lane's own space). */
export function inLane<K extends WorkflowShapeType>(
  lane: string,
  column: number,
  type: K,
  init: Placed<K>,
): TLShape<K> {
  const { w, h } = sizeOf(type, init)
  return workflowShape(type, {
    ...init,
    parentId: `shape:${lane}`,
    x: LANE_CONTENT_LEFT + column * COLUMN_WIDTH + (COLUMN_WIDTH - 60 - w) / 2,
    y: (LANE_HEIGHT - h) / 2,
  })
}

/** A card in a stage's row, centred in its cell (positions are the stage's own space). */
export function inStage<K extends WorkflowShapeType>(
  stage: string,
  row: number,
  type: K,
  init: Placed<K>,
): TLShape<K> {
  const { w, h } = sizeOf(type, init)
  return workflowShape(type, {
    ...init,
    parentId: `shape:${stage}`,
    x: (STAGE_WIDTH - w) / 2,
    y: STAGE_CONTENT_TOP + row * ROW_HEIGHT + (ROW_HEIGHT - 30 - h) / 2,
  })
}

/**
 * A connector as the board draws one: elbow-routed, its flow kind in `meta.flow` and shown by its dash.
 * A branch out of a decision carries its answer both as the branch and as the arrow's label.
 */
export function flow(
  id: string,
  from: string,
  to: string,
  options: { flow?: FlowKind; branch?: string } = {},
): TLRecord[] {
  const kind = options.flow ?? 'sequence'
  return connector({
    id,
    from,
    to,
    flow: kind,
    kind: 'elbow',
    dash: kind === 'sequence' ? 'solid' : kind === 'dependency' ? 'dashed' : 'dotted',
    ...(options.branch !== undefined ? { branch: options.branch, text: options.branch } : {}),
  })
}

/**
 * Gives each shape an index above the shapes before it under the same parent, in the order given:
 * containers first, their cards next, connectors last, so connectors draw over the lanes they cross.
 */
export function stackInOrder(records: readonly TLRecord[]): TLRecord[] {
  const count = new Map<string, number>()
  for (const record of records) {
    if (record.typeName === 'shape') count.set(record.parentId, (count.get(record.parentId) ?? 0) + 1)
  }
  const indices = new Map([...count].map(([parent, n]) => [parent, getIndices(n + 1)]))
  const used = new Map<string, number>()
  return records.map((record) => {
    if (record.typeName !== 'shape') return record
    const position = (used.get(record.parentId) ?? 0) + 1
    used.set(record.parentId, position)
    return { ...record, index: indices.get(record.parentId)![position]! }
  })
}
