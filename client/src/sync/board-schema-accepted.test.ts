// @vitest-environment happy-dom
/**
 * The schema this client writes into `board.schema` is one the server accepts: the server refuses any
 * sequence it does not know or any version above its own, so a client store with a sequence the
 * shared schema lacks would be refused on its first write to every new board.
 */
import { FLOWMAP_CUSTOM_RECORDS, flowmapSchema, validateBoardWrite } from '@flowmap/shared'
import { createTLStore, defaultBindingUtils, defaultShapeUtils } from 'tldraw'
import { expect, test } from 'vitest'
import { WORKFLOW_SHAPE_UTILS } from '../shapes/workflow-shapes.tsx'

test("the client store's schema is exactly the shared schema, so the server accepts its board.schema", () => {
  const store = createTLStore({
    shapeUtils: [...defaultShapeUtils, ...WORKFLOW_SHAPE_UTILS],
    bindingUtils: defaultBindingUtils,
    records: FLOWMAP_CUSTOM_RECORDS,
  })
  const written = store.schema.serialize()
  expect(written).toEqual(flowmapSchema.serialize())
  expect(validateBoardWrite({ schema: written }, ['schema'])).toEqual({ ok: true })
  expect(validateBoardWrite({ schema: written }, ['schema'], { schemaBefore: written })).toEqual({ ok: true })
})
