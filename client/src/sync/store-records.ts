/**
 * Records on their way from the doc into the tldraw store: only document-scoped types, migrated up from
 * the schema the doc was written with (`board.schema`), and validated by the store's own schema first,
 * because `store.put` throws on an invalid record and would take the whole batch down with it.
 */
import type { SerializedSchema, TLRecord, TLStore } from 'tldraw'
import { isPrivateDraft } from '../workshop/private-draft-marker.ts'

export type PreparedRecord = { ok: true; record: TLRecord } | { ok: false; message: string }

export function isDocumentScoped(store: TLStore, record: { typeName?: unknown }): boolean {
  const types = store.schema.types as Partial<Record<string, { scope: string }>>
  return typeof record.typeName === 'string' && types[record.typeName]?.scope === 'document'
}

/**
 * Whether a local change to `record` goes into the board's doc. tldraw scopes its `user` records (a
 * name and colour for attribution labels) to the document, but the editor writes this device's own on
 * every mount and whenever the person's name or colour changes: synced, every opening of a board would
 * be an edit in its history under the opener's name. Who edited a board is known from its history (the
 * sender of each update) and who is here from presence, so user records stay on the device.
 * So do private-mode drafts, until their reveal (workshop/private-drafts.ts).
 */
export function isWrittenToBoard(store: TLStore, record: { typeName?: unknown; meta?: unknown }): boolean {
  return isDocumentScoped(store, record) && record.typeName !== 'user' && !isPrivateDraft(record)
}

/**
 * True when `schema` comes from a newer Flowmap: a migration sequence we do not know, or one further on
 * than ours. tldraw reports that case as a generic migration error, so we tell it apart ourselves.
 */
export function isNewerSchema(store: TLStore, schema: SerializedSchema | null): boolean {
  if (schema === null || schema.schemaVersion < 2 || !('sequences' in schema)) return false
  const ours = store.schema.serialize().sequences
  return Object.entries(schema.sequences).some(([sequenceId, version]) => {
    const known = ours[sequenceId]
    return known === undefined || version > known
  })
}

/** True when records written with `schema` need migrating to be read by this store. */
export function needsMigration(store: TLStore, schema: SerializedSchema | null): boolean {
  if (schema === null) return false
  const migrations = store.schema.getMigrationsSince(schema)
  return !migrations.ok || migrations.value.length > 0
}

/**
 * `migrateFrom`: the doc's schema when its records need migrating (`needsMigration`), else null; the
 * caller works that out once per batch, as it costs a walk over the schema's migration sequences.
 */
export function prepareForStore(
  store: TLStore,
  record: TLRecord,
  migrateFrom: SerializedSchema | null,
): PreparedRecord {
  let candidate = record
  if (migrateFrom !== null) {
    const schema = migrateFrom
    const migrated = store.schema.migratePersistedRecord(record, schema)
    if (migrated.type === 'error') {
      return {
        ok: false,
        message: `${record.id} could not be migrated from the board's schema (${migrated.reason})`,
      }
    }
    candidate = migrated.value
  }
  const before = store.get(candidate.id) ?? null
  try {
    const valid = store.schema.validateRecord(
      store,
      candidate,
      before ? 'updateRecord' : 'createRecord',
      before,
    )
    return { ok: true, record: valid }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, message: `${record.id} is not a valid ${record.typeName} record: ${reason}` }
  }
}
