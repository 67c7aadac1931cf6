import type {
  TLArrowBinding,
  TLArrowShape,
  TLDocument,
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

/** Builders of complete, valid records for tests, fixtures and the map generator. */

export const TEST_PAGE_ID = 'page:page' as TLPage['id']

export function documentRecord(): TLDocument {
  return {
    id: 'document:document' as TLDocument['id'],
    typeName: 'document',
    gridSize: 10,
    name: '',
    meta: {},
  }
}

export function pageRecord(id: TLPage['id'] = TEST_PAGE_ID, name = 'Page 1'): TLPage {
  return { id, typeName: 'page', name, index: 'a1' as IndexKey, meta: {} }
}

export type WorkflowShapeInit<K extends WorkflowShapeType> = {
  id: string
  parentId?: string
  index?: string
  x?: number
  y?: number
  props?: Partial<TLShape<K>['props']>
  meta?: Record<string, string | number | boolean | null>
}

export function workflowShape<K extends WorkflowShapeType>(type: K, init: WorkflowShapeInit<K>): TLShape<K> {
  return {
    id: shapeId(init.id),
    typeName: 'shape',
    type,
    x: init.x ?? 0,
    y: init.y ?? 0,
    rotation: 0,
    index: (init.index ?? 'a1') as IndexKey,
    parentId: (init.parentId ?? TEST_PAGE_ID) as TLParentId,
    isLocked: false,
    opacity: 1,
    meta: init.meta ?? {},
    props: { ...workflowShapeDefaultProps[type], ...init.props },
  } as unknown as TLShape<K>
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
}

/** A tldraw arrow plus the arrow bindings that attach its ends: what a user draws as a connector. */
export function connector(init: ConnectorInit): TLRecord[] {
  const arrow: TLArrowShape = {
    id: shapeId(init.id) as TLArrowShape['id'],
    typeName: 'shape',
    type: 'arrow',
    x: 0,
    y: 0,
    rotation: 0,
    index: (init.index ?? 'a1') as IndexKey,
    parentId: TEST_PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: {
      ...(init.flow ? { flow: init.flow } : {}),
      ...(init.branch !== undefined ? { branch: init.branch } : {}),
    },
    props: {
      kind: 'arc',
      labelColor: 'black',
      color: 'black',
      fill: 'none',
      dash: 'draw',
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

/** A tldraw sticky note (the brainstorm's shape) on the test page, saying `text`. */
export function noteShape(id: string, text: string, parentId: string = TEST_PAGE_ID): TLShape {
  return {
    id: id as TLShapeId,
    typeName: 'shape',
    type: 'note',
    parentId: parentId as TLParentId,
    index: 'a1' as IndexKey,
    x: 0,
    y: 0,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 0,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
      textLastEditedBy: null,
      richText: toRichText(text),
    },
  } as TLShape
}
