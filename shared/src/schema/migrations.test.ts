import type { SerializedSchemaV2 } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, test } from 'vitest'
import { workflowShape } from '../testing/shape-records.ts'
import { flowmapSchema } from './flowmap-schema.ts'
import { WORKFLOW_SHAPE_TYPES } from './workflow-shapes.ts'

const current: SerializedSchemaV2 = flowmapSchema.serialize()

describe('every workflow shape has a migration that goes down and back up', () => {
  test.each(WORKFLOW_SHAPE_TYPES)('%s: down to version 0 and up again restores the record', (type) => {
    const sequenceId = `com.tldraw.shape.${type}`
    expect(current.sequences[sequenceId]).toBeGreaterThanOrEqual(1)
    const older = { ...current, sequences: { ...current.sequences, [sequenceId]: 0 } }
    const record = workflowShape(type, { id: `m-${type}` }) as TLRecord
    const down = flowmapSchema.migratePersistedRecord(record, older, 'down')
    if (down.type !== 'success') throw new Error(`down failed: ${down.reason}`)
    expect(down.value).not.toEqual(record)
    const up = flowmapSchema.migratePersistedRecord(down.value, older, 'up')
    if (up.type !== 'success') throw new Error(`up failed: ${up.reason}`)
    // Only what version 0 could not hold falls back to its default on the way up.
    expect(up.value).toEqual(record)
  })
})
