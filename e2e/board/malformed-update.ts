import { writeRecord } from '@flowmap/shared'
import * as Y from 'yjs'

type FlowmapRecord = Parameters<typeof writeRecord>[1]

export const MALFORMED_STEP_ID = 'shape:e2e-malformed-step'

/**
 * A Yjs update, from a doc of its own, that creates a step whose status is a number: well-formed Yjs,
 * laid out as @flowmap/shared lays out records, but not a valid record. The server must refuse it.
 */
export function malformedStepUpdate(): Uint8Array {
  const doc = new Y.Doc()
  const record = {
    id: MALFORMED_STEP_ID,
    typeName: 'shape',
    type: 'step',
    x: 100,
    y: 100,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props: {
      w: 220,
      h: 120,
      label: 'not a valid step',
      description: '',
      owner: null,
      status: 42,
      automation: 'manual',
      estimate: null,
    },
    meta: {},
  }
  writeRecord(doc, record as unknown as FlowmapRecord)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}
