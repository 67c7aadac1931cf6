import { writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import * as Y from 'yjs'

export const MALFORMED_STEP_ID = 'shape:e2e-malformed-step'

/**
 * A Yjs update, from a doc of its own, that creates a step whose status is a number: well-formed Yjs,
 * laid out as @flowmap/shared lays out records, but not a valid record. The server must refuse it.
 */
export function malformedStepUpdate(): Uint8Array {
  const doc = new Y.Doc()
  const valid = workflowShape('step', {
    id: MALFORMED_STEP_ID,
    x: 100,
    y: 100,
    props: { w: 220, h: 120, label: 'not a valid step' },
  })
  writeRecord(doc, { ...valid, props: { ...valid.props, status: 42 } } as unknown as typeof valid)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}
