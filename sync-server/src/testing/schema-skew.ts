/**
 * Clients of another version of the schema, for the version-skew tests: the schema such a client writes
 * to the board, and a record in that client's format.
 */
import { flowmapSchema, writeBoard, writeRecord } from '@flowmap/shared'
import type * as Y from 'yjs'

type BoardRecord = Parameters<typeof flowmapSchema.migratePersistedRecord>[0]
export type SerializedFlowmapSchema = ReturnType<typeof flowmapSchema.serialize>

/** The current schema with the step shape's migrations at `sequence` (lower: older, higher: newer). */
export function schemaWithStepAt(sequence: number): SerializedFlowmapSchema {
  const current = flowmapSchema.serialize()
  return { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.step': sequence } }
}

/** `record` migrated down to `schema`: how a client of that schema holds it. */
export function recordInSchema(record: BoardRecord, schema: SerializedFlowmapSchema): BoardRecord {
  const migrated = flowmapSchema.migratePersistedRecord(record, schema, 'down')
  if (migrated.type !== 'success') throw new Error(migrated.reason)
  return migrated.value as BoardRecord
}

/** What a client of `schema` writes first on a board: its schema and `record`, in one transaction. */
export function writeAsClientOf(doc: Y.Doc, schema: SerializedFlowmapSchema, record: BoardRecord): void {
  doc.transact(() => {
    writeBoard(doc, { schema })
    writeRecord(doc, record)
  })
}
