import type {
  TLArrowBinding,
  TLArrowShape,
  TLArrowShapeKind,
  TLDefaultDashStyle,
  TLPage,
  TLParentId,
  TLRecord,
  TLShape,
  TLShapeId,
} from '@tldraw/tlschema'
import { toRichText } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import type { FlowKind } from '../schema/connector.ts'
import type { WorkflowShapeType } from '../schema/workflow-shapes.ts'
import { workflowShapeDefaultProps } from '../schema/workflow-shapes.ts'

/**
 * Builders of complete, valid records: the built-in templates draw their maps with them, and the test
 * builders (`@flowmap/shared/testing`) are these with test defaults. Every record they return passes
 * `validateRecord`; the template tests hold them to it.
 */

/** The page a new board's editor opens on (tldraw's default page id); a board's shapes sit on it. */
export const BOARD_PAGE_ID = 'page:page' as TLPage['id']

export type WorkflowShapeInit<K extends WorkflowShapeType> = {
  id: string
  parentId?: string
  index?: string
  x?: number
  y?: number
  props?: Partial<TLShape<K>['props']>
  meta?: Record<string, string | number | boolean | null>
}

type PlacedShapeInit = Pick<
  WorkflowShapeInit<WorkflowShapeType>,
  'id' | 'parentId' | 'index' | 'x' | 'y' | 'meta'
>

/** The fields every shape has, placed as `init` says: unrotated, unlocked, opaque, on the page by default. */
function placedShape(type: string, init: PlacedShapeInit) {
  return {
    id: shapeId(init.id),
    typeName: 'shape' as const,
    type,
    x: init.x ?? 0,
    y: init.y ?? 0,
    rotation: 0,
    index: (init.index ?? 'a1') as IndexKey,
    parentId: (init.parentId ?? BOARD_PAGE_ID) as TLParentId,
    isLocked: false,
    opacity: 1,
    meta: init.meta ?? {},
  }
}

export function workflowShape<K extends WorkflowShapeType>(type: K, init: WorkflowShapeInit<K>): TLShape<K> {
  return {
    ...placedShape(type, init),
    props: { ...workflowShapeDefaultProps[type], ...init.props },
  } as unknown as TLShape<K>
}

export type StickyNoteInit = {
  id: string
  parentId?: string
  index?: string
  x?: number
  y?: number
  text?: string
  meta?: Record<string, string | number | boolean | null>
}

/** A tldraw note (a sticky note) holding plain text. */
export function stickyNote(init: StickyNoteInit): TLShape<'note'> {
  return {
    ...placedShape('note', init),
    type: 'note',
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      // tldraw's own default: the label at full size (0 would draw it at a font size of zero).
      fontSizeAdjustment: 1,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
      textLastEditedBy: null,
      richText: toRichText(init.text ?? ''),
    },
  }
}

export type ConnectorInit = {
  id: string
  /** Shape id the arrow starts at, or null for a loose start. */
  from: string | null
  /** Shape id the arrow ends at, or null for a loose end. */
  to: string | null
  flow?: FlowKind
  branch?: string
  /** The arrow's own text label. */
  text?: string
  index?: string
  /** tldraw's routing: the board draws new connectors as `elbow`. @default 'arc' */
  kind?: TLArrowShapeKind
  /** The line style; the board shows a flow kind by its dash (sequence solid). @default 'draw' */
  dash?: TLDefaultDashStyle
}

/**
 * A tldraw arrow plus the arrow bindings that attach its ends: what a user draws as a connector. Bound
 * ends follow their shapes, so the arrow's own `x`, `y`, `start` and `end` only matter for loose ends.
 */
export function connector(init: ConnectorInit): TLRecord[] {
  const arrow: TLArrowShape = {
    id: shapeId(init.id) as TLArrowShape['id'],
    typeName: 'shape',
    type: 'arrow',
    x: 0,
    y: 0,
    rotation: 0,
    index: (init.index ?? 'a1') as IndexKey,
    parentId: BOARD_PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: {
      ...(init.flow ? { flow: init.flow } : {}),
      ...(init.branch !== undefined ? { branch: init.branch } : {}),
    },
    props: {
      kind: init.kind ?? 'arc',
      labelColor: 'black',
      color: 'black',
      fill: 'none',
      dash: init.dash ?? 'draw',
      size: 'm',
      arrowheadStart: 'none',
      arrowheadEnd: 'arrow',
      font: 'draw',
      start: { x: 0, y: 0 },
      end: { x: 100, y: 0 },
      bend: 0,
      richText: toRichText(init.text ?? ''),
      labelPosition: 0.5,
      scale: 1,
      elbowMidPoint: 0.5,
    },
  }
  const records: TLRecord[] = [arrow]
  if (init.from !== null) records.push(arrowBinding(arrow.id, init.from, 'start'))
  if (init.to !== null) records.push(arrowBinding(arrow.id, init.to, 'end'))
  return records
}

function arrowBinding(
  arrowId: TLArrowShape['id'],
  target: string,
  terminal: 'start' | 'end',
): TLArrowBinding {
  return {
    id: `binding:${arrowId.slice('shape:'.length)}-${terminal}` as TLArrowBinding['id'],
    typeName: 'binding',
    type: 'arrow',
    fromId: arrowId,
    toId: shapeId(target),
    meta: {},
    props: {
      terminal,
      normalizedAnchor: { x: 0.5, y: 0.5 },
      isExact: false,
      isPrecise: false,
      snap: 'none',
    },
  }
}

function shapeId(id: string): TLShapeId {
  return (id.startsWith('shape:') ? id : `shape:${id}`) as TLShapeId
}
