import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { type FieldMap, recordsMap } from './doc-maps.ts'
import { readFieldsFrom, writeFieldsInto } from './field-map.ts'
import { localOrigin } from './origin.ts'

/** The record fields merged per key rather than stored whole. */
const NESTED_RECORD_FIELDS: ReadonlySet<string> = new Set(['props', 'meta'])

/**
 * Writes one record, changing only the fields, props and meta keys whose value differs
 * (deep-equal per key). Records are not validated here: validate at the boundary before writing.
 */
export function writeRecord(doc: Y.Doc, record: TLRecord, origin: unknown = localOrigin): void {
  writeRecords(doc, [record], origin)
}

/** Writes many records in one transaction (one update, one observer call). */
export function writeRecords(doc: Y.Doc, records: Iterable<TLRecord>, origin: unknown = localOrigin): void {
  const records_ = recordsMap(doc)
  doc.transact(() => {
    for (const record of records) {
      let target = records_.get(record.id)
      if (!(target instanceof Y.Map)) {
        target = new Y.Map<unknown>()
        records_.set(record.id, target)
      }
      writeFieldsInto(target, record as unknown as Record<string, unknown>, NESTED_RECORD_FIELDS)
    }
  }, origin)
}

export function deleteRecord(doc: Y.Doc, id: string, origin: unknown = localOrigin): void {
  deleteRecords(doc, [id], origin)
}

export function deleteRecords(doc: Y.Doc, ids: Iterable<string>, origin: unknown = localOrigin): void {
  const records_ = recordsMap(doc)
  doc.transact(() => {
    for (const id of ids) {
      if (records_.has(id)) records_.delete(id)
    }
  }, origin)
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
