import {
  commentSchemaRecords,
  createTLSchema,
  defaultBindingSchemas,
  defaultShapeSchemas,
  type TLSchema,
} from '@tldraw/tlschema'
import { workflowShapeSchemas } from './workflow-shapes.ts'

/**
 * The schema of every record a board holds: tldraw's default shapes, bindings and assets plus the
 * workflow shapes, and tldraw's comment records (`comment-thread`, `comment`, `comment-reaction`:
 * threads anchored to a shape, a point or a region, their messages and reactions), which sync in the
 * board doc like any other record. Its `serialize()` is what a doc records in `board.schema`.
 */
/** The record types beyond shapes, bindings and assets; a client store registers exactly these. */
export const FLOWMAP_CUSTOM_RECORDS = commentSchemaRecords

export const flowmapSchema: TLSchema = createTLSchema({
  shapes: { ...defaultShapeSchemas, ...workflowShapeSchemas },
  bindings: defaultBindingSchemas,
  records: FLOWMAP_CUSTOM_RECORDS,
})
