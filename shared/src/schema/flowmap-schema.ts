import { createTLSchema, defaultBindingSchemas, defaultShapeSchemas, type TLSchema } from '@tldraw/tlschema'
import { workflowShapeSchemas } from './workflow-shapes.ts'

/**
 * The schema of every record a board holds: tldraw's default shapes, bindings and assets plus the
 * workflow shapes. Its `serialize()` is what a doc records in `board.schema`.
 */
export const flowmapSchema: TLSchema = createTLSchema({
  shapes: { ...defaultShapeSchemas, ...workflowShapeSchemas },
  bindings: defaultBindingSchemas,
})
