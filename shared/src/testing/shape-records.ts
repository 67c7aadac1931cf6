import type { TLDocument, TLPage, TLShape } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { BOARD_PAGE_ID, stickyNote } from '../templates/record-builders.ts'

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
  return stickyNote(init)
}
