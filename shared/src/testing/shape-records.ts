import type { TLDocument, TLPage, TLParentId, TLShape, TLShapeId } from '@tldraw/tlschema'
import { toRichText } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { BOARD_PAGE_ID } from '../templates/record-builders.ts'

/**
 * Builders of complete, valid records for tests, fixtures and the map generator. The shape and
 * connector builders are the product's (templates draw with them), re-exported here with their defaults.
 */
export {
  type ConnectorInit,
  connector,
  type WorkflowShapeInit,
  workflowShape,
} from '../templates/record-builders.ts'

export const TEST_PAGE_ID = BOARD_PAGE_ID

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

/** A tldraw sticky note (a \`note\` shape), as the note tool makes it. */
export function noteShape(init: {
  id: string
  x?: number
  y?: number
  parentId?: string
  text?: string
}): TLShape<'note'> {
  return {
    id: shapeId(init.id),
    typeName: 'shape',
    type: 'note',
    x: init.x ?? 0,
    y: init.y ?? 0,
    rotation: 0,
    index: 'a1' as IndexKey,
    parentId: (init.parentId ?? TEST_PAGE_ID) as TLParentId,
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
      richText: toRichText(init.text ?? ''),
    },
  } as TLShape<'note'>
}

function shapeId(id: string): TLShapeId {
  return (id.startsWith('shape:') ? id : `shape:${id}`) as TLShapeId
}
