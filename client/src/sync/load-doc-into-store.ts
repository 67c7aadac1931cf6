/**
 * Puts a board doc's records into the tldraw store, when a board opens and after a refusal reset: the
 * store ends up holding exactly the doc's document-scoped records (session records such as camera and
 * instance stay as they are). Records written with an older schema are migrated through the store's
 * schema, and the migrated records are written back with the current `board.schema`, so that the doc
 * is upgraded once, by the first newer client that opens it.
 */

import type { DocOrigin } from '@flowmap/shared'
import { readBoard, readRecords, transactBoard, writeBoard, writeRecords } from '@flowmap/shared'
import type { TLRecord, TLStore } from 'tldraw'
import type * as Y from 'yjs'
import { putRemoteRecords } from './put-remote-records.ts'
import { isDocumentScoped, isNewerSchema, isWrittenToBoard, needsMigration } from './store-records.ts'

export const migrationOrigin: DocOrigin = Object.freeze({ source: 'migration' })

const SEEDED_WITH_FIRST_EDIT: ReadonlySet<string> = new Set(['page', 'document'])

export type LoadResult = { ok: true; migrated: boolean; skipped: string[] } | { ok: false; problem: string }

export const NEWER_SCHEMA_PROBLEM =
  'This board was saved by a newer version of Flowmap than this page runs: reload the page to update it.'

export type LoadOptions = {
  /** Migrate into the store only: a viewer cannot write the upgraded records back. */
  readOnly?: boolean
}

export function loadDocIntoStore(store: TLStore, doc: Y.Doc, options: LoadOptions = {}): LoadResult {
  const board = readBoard(doc)
  const inDoc = readRecords(doc).filter((record) => isDocumentScoped(store, record))
  if (isNewerSchema(store, board.schema)) return { ok: false, problem: NEWER_SCHEMA_PROBLEM }
  const migrate = needsMigration(store, board.schema)
  let records: TLRecord[] = inDoc
  if (migrate && board.schema) {
    const snapshot = { schema: board.schema, store: Object.fromEntries(inDoc.map((r) => [r.id, r])) }
    const result = store.schema.migrateStoreSnapshot(snapshot)
    if (result.type === 'error') {
      return {
        ok: false,
        problem: `The board's records could not be migrated to this version of Flowmap (${result.reason}).`,
      }
    }
    records = Object.values(result.value)
  }

  const skipped: string[] = []
  const valid: TLRecord[] = []
  for (const record of records) {
    try {
      valid.push(store.schema.validateRecord(store, record, 'initialize', null))
    } catch (error) {
      skipped.push(`${record.id}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  const keep = new Set(valid.map((record) => record.id))
  const typesInDoc = new Set(valid.map((record) => record.typeName))
  const stale = store
    .allRecords()
    .filter(
      (record) =>
        isWrittenToBoard(store, record) &&
        !keep.has(record.id) &&
        // A board nobody has edited yet has no page or document in its doc: the binding seeds the
        // store's own with the first edit. Removing them would leave the editor without a page.
        !(SEEDED_WITH_FIRST_EDIT.has(record.typeName) && !typesInDoc.has(record.typeName)),
    )
    .map((record) => record.id)
  // A whole board: loaded as tldraw loads a snapshot, without re-running its writers' side effects.
  putRemoteRecords(store, { removals: stale, puts: valid, asSnapshot: true })

  if (migrate && !options.readOnly) {
    transactBoard(doc, migrationOrigin, () => {
      writeRecords(doc, valid, migrationOrigin)
      writeBoard(doc, { schema: store.schema.serialize() }, migrationOrigin)
    })
  }
  return { ok: true, migrated: migrate, skipped }
}
