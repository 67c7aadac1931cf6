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
export const LANE_CONTENT_LEFT = 132 + 48
/** The band on a stage's top that names it (client: `STAGE_HEADER_HEIGHT`), plus room before the first card. */
export const STAGE_CONTENT_TOP = 44 + 36

export const LANE_HEIGHT = 200
/** One column of a lane: a card and the gap a connector needs. */
export const COLUMN_WIDTH = 280
/** One row of a stage. */
export const ROW_HEIGHT = 150
export const STAGE_WIDTH = 320

export type ContainerSpec = { key: string; label: string; roleId?: string | null }

/**
 * Lanes stacked top to bottom, or stages side by side and numbered left to right, in one pool
 * (`meta.pool`), so resizing one restacks the others. `cells` is how many columns a lane holds, or
 * rows a stage does.
 */
export function pool<K extends 'lane' | 'stage'>(
  type: K,
  poolId: string,
  members: readonly ContainerSpec[],
  options: { cells: number; x?: number; y?: number },
): TLShape<K>[] {
  const x = options.x ?? 0
  const y = options.y ?? 0
  return members.map((member, i) => {
    const placed =
      type === 'lane'
        ? {
            x,
            y: y + i * LANE_HEIGHT,
            props: {
              w: LANE_CONTENT_LEFT + options.cells * COLUMN_WIDTH,
              h: LANE_HEIGHT,
              roleId: member.roleId ?? null,
            },
          }
        : {
            x: x + i * STAGE_WIDTH,
            y,
            props: { w: STAGE_WIDTH, h: STAGE_CONTENT_TOP + options.cells * ROW_HEIGHT, order: i + 1 },
          }
    return workflowShape(type, {
      id: member.key,
      x: placed.x,
      y: placed.y,
      meta: { pool: poolId },
      props: { ...placed.props, label: member.label } as Partial<TLShape<K>['props']>,
    })
  })
}

type Placed<K extends WorkflowShapeType> = Omit<WorkflowShapeInit<K>, 'x' | 'y' | 'parentId'>

/** The top-left corner that centres a card of this size in one cell of a container. */
type CellOrigin = (cell: number, size: { w: number; h: number }) => { x: number; y: number }

function inCell<K extends WorkflowShapeType>(
  origin: CellOrigin,
  container: string,
  cell: number,
  type: K,
  init: Placed<K>,
): TLShape<K> {
  const props = { ...workflowShapeDefaultProps[type], ...init.props } as { w: number; h: number }
  return workflowShape(type, { ...init, parentId: `shape:${container}`, ...origin(cell, props) })
}

const laneCell: CellOrigin = (column, { w, h }) => ({
  x: LANE_CONTENT_LEFT + column * COLUMN_WIDTH + (COLUMN_WIDTH - 60 - w) / 2,
  y: (LANE_HEIGHT - h) / 2,
})

const stageCell: CellOrigin = (row, { w, h }) => ({
  x: (STAGE_WIDTH - w) / 2,
  y: STAGE_CONTENT_TOP + row * ROW_HEIGHT + (ROW_HEIGHT - 30 - h) / 2,
})

/** A card in a lane's column, centred in its cell (positions are the lane's own space). */
export function inLane<K extends WorkflowShapeType>(lane: string, column: number, type: K, init: Placed<K>) {
  return inCell(laneCell, lane, column, type, init)
}

/** A card in a stage's row, centred in its cell (positions are the stage's own space). */
export function inStage<K extends WorkflowShapeType>(stage: string, row: number, type: K, init: Placed<K>) {
  return inCell(stageCell, stage, row, type, init)
}

/** How the board shows a flow kind: sequence solid, dependency dashed, information dotted. */
export function flowDash(kind: FlowKind): 'solid' | 'dashed' | 'dotted' {
  return kind === 'sequence' ? 'solid' : kind === 'dependency' ? 'dashed' : 'dotted'
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
    dash: flowDash(kind),
    ...(options.branch !== undefined ? { branch: options.branch, text: options.branch } : {}),
  })
}

/** Sequence connectors along a path of shapes, named `<prefix>1`, `<prefix>2`, …: one per step of the path. */
export function chain(prefix: string, path: readonly string[]): TLRecord[] {
  return path.slice(1).flatMap((to, i) => flow(`${prefix}${i + 1}`, path[i]!, to))
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
