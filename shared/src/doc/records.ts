import type { TLComment, TLCommentReaction, TLCommentThread, TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { type FieldMap, RECORD_NESTED_FIELDS, recordsMap } from './doc-maps.ts'
import { patchFieldsInto, readFieldsFrom, writeFieldsInto } from './field-map.ts'
import { type DocOrigin, localOrigin } from './origin.ts'
import { transactBoard } from './transact-board.ts'

/** What a board's records map holds: tldraw's records and its comment records (registered beside them). */
export type StoredRecord = TLRecord | TLCommentThread | TLComment | TLCommentReaction

/**
 * Writes one record, changing only the fields, props and meta keys whose value differs
 * (deep-equal per key). Records are not validated here: validate at the boundary before writing.
 */
export function writeRecord(doc: Y.Doc, record: StoredRecord, origin: DocOrigin = localOrigin): void {
  writeRecords(doc, [record], origin)
}

/** Writes many records in one transaction (one update, one observer call). */
export function writeRecords(
  doc: Y.Doc,
  records: Iterable<StoredRecord>,
  origin: DocOrigin = localOrigin,
): void {
  transactBoard(doc, origin, () => {
    for (const record of records)
      writeFieldsInto(recordMapFor(doc, record.id), asFields(record), RECORD_NESTED_FIELDS)
  })
}

/**
 * Writes one edit of a record as what it changed: only the top-level fields, props and meta keys that
 * differ between `before` and `after` (a local edit as the store reports it). Keys the edit left alone
 * keep whatever the doc holds, so a remote change to another prop made since `before` survives. A record
 * the doc lacks is written whole, as `after`.
 */
export function patchRecord(
  doc: Y.Doc,
  id: string,
  before: TLRecord,
  after: TLRecord,
  origin: DocOrigin = localOrigin,
): void {
  transactBoard(doc, origin, () => {
    const stored = recordsMap(doc).get(id)
    if (stored instanceof Y.Map)
      patchFieldsInto(stored, asFields(before), asFields(after), RECORD_NESTED_FIELDS)
    else writeFieldsInto(recordMapFor(doc, id), asFields(after), RECORD_NESTED_FIELDS)
  })
}

export function deleteRecord(doc: Y.Doc, id: string, origin: DocOrigin = localOrigin): void {
  deleteRecords(doc, [id], origin)
}

export function deleteRecords(doc: Y.Doc, ids: Iterable<string>, origin: DocOrigin = localOrigin): void {
  const records = recordsMap(doc)
  transactBoard(doc, origin, () => {
    for (const id of ids) {
      if (records.has(id)) records.delete(id)
    }
  })
}

/**
 * The record as a plain object. Whole-stored values (a rich-text tree, a point list) are shared with
 * the doc's own copy: treat the result as immutable, as tldraw treats its records.
 */
export function readRecord(doc: Y.Doc, id: string): TLRecord | undefined {
  const source = recordsMap(doc).get(id)
  return source instanceof Y.Map ? recordFrom(source) : undefined
}

export function readRecords(doc: Y.Doc): TLRecord[] {
  const records: TLRecord[] = []
  for (const source of recordsMap(doc).values()) {
    if (source instanceof Y.Map) records.push(recordFrom(source))
  }
  return records
}

export function recordFrom(source: FieldMap): TLRecord {
  return readFieldsFrom(source) as unknown as TLRecord
}

/** The record's map under `id`, created (replacing a bare value a foreign writer put there) when absent. */
function recordMapFor(doc: Y.Doc, id: string): FieldMap {
  const records = recordsMap(doc)
  const target = records.get(id)
  if (target instanceof Y.Map) return target
  const created = new Y.Map<unknown>()
  records.set(id, created)
  return created
}

function asFields(record: StoredRecord): Record<string, unknown> {
  return record as unknown as Record<string, unknown>
}
