/**
 * An export's records, written under the schema the file carries (`board.schema`), brought to this
 * Flowmap's schema the way a board's own records are when a page opens it: through `flowmapSchema`'s
 * migrations as one store snapshot (store-level migrations see every record at once), and refused
 * when the file was written by a newer Flowmap, whose records this one cannot read.
 */
import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import { flowmapSchema } from '../../schema/flowmap-schema.ts'

export type RecordsMigrated =
  | { ok: true; records: TLRecord[]; migrated: boolean }
  | { ok: false; reason: string }

const ours = flowmapSchema.serialize().sequences

/** `schema` null: a board that never recorded one, whose records are taken as they are. */
export function migrateExportRecords(records: readonly TLRecord[], schema: unknown): RecordsMigrated {
  if (schema === null || schema === undefined) return { ok: true, records: [...records], migrated: false }
  const problem = schemaProblem(schema)
  if (problem !== null) return { ok: false, reason: `the file's board.schema ${problem}` }
  const serialized = schema as SerializedSchema
  const newer = newerSequence(serialized)
  if (newer !== null) {
    return {
      ok: false,
      reason: `the file's records were written by a newer Flowmap (${newer}): update Flowmap to import it`,
    }
  }
  const since = flowmapSchema.getMigrationsSince(serialized)
  if (!since.ok) return { ok: false, reason: `the file's records cannot be migrated (${since.error})` }
  if (since.value.length === 0) return { ok: true, records: [...records], migrated: false }
  const store = Object.fromEntries(records.map((record) => [record.id, record]))
  const result = flowmapSchema.migrateStoreSnapshot({ schema: serialized, store })
  if (result.type === 'error') {
    return {
      ok: false,
      reason: `the file's records could not be migrated to this Flowmap (${result.reason})`,
    }
  }
  return { ok: true, records: Object.values(result.value), migrated: true }
}

function schemaProblem(schema: unknown): string | null {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return 'is not a serialized tldraw schema (an object with schemaVersion and sequences)'
  }
  const { schemaVersion, sequences } = schema as { schemaVersion?: unknown; sequences?: unknown }
  if (schemaVersion !== 2) return `has schemaVersion ${String(schemaVersion)}; Flowmap writes version 2`
  if (typeof sequences !== 'object' || sequences === null || Array.isArray(sequences)) {
    return 'has no sequences object'
  }
  for (const [sequenceId, version] of Object.entries(sequences)) {
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
      return `gives ${sequenceId.slice(0, 80)} the version ${JSON.stringify(version)}; versions are whole numbers`
    }
  }
  return null
}

/** "com.flowmap.shape.step version 9, this Flowmap knows 3", or a sequence this Flowmap lacks. */
function newerSequence(schema: SerializedSchema): string | null {
  if (schema.schemaVersion !== 2) return null
  for (const [sequenceId, version] of Object.entries(schema.sequences)) {
    const known = ours[sequenceId]
    const shown = sequenceId.slice(0, 80)
    if (known === undefined) return `${shown} version ${version}, which this Flowmap does not have`
    if (version > known) return `${shown} version ${version}, this Flowmap knows ${known}`
  }
  return null
}
