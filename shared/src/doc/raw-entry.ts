import * as Y from 'yjs'
import {
  boardMap,
  type FieldMap,
  NO_NESTED_FIELDS,
  RECORD_NESTED_FIELDS,
  recordsMap,
  rolesMap,
  workshopMap,
} from './doc-maps.ts'

/**
 * An entry of the doc as it is stored, for validation: `readFieldsFrom` turns a foreign shared type
 * into JSON so readers never meet one, which would also hide it from a validator. This read keeps the
 * layout's rule visible: an entry is a Y.Map of plain values, and only the `nested` keys (a record's
 * `props` and `meta`) may hold a Y.Map, itself of plain values. Any other shared type (Y.Text, Y.Array,
 * Y.XmlFragment, a subdocument, a Y.Map one level too deep) is reported, not converted.
 */
export type RawEntry =
  | { ok: true; fields: Record<string, unknown> }
  | {
      ok: false
      /** Dotted path of the offending field ("props.label", "meta"). */
      field: string
      /** "is a Y.Text; only plain values are stored here". */
      reason: string
    }

/**
 * The record stored under `id` as stored; null when there is none (removed). Anything but a Y.Map
 * under the id (a hostile update can put a bare value there) is reported with field ''.
 */
export function readRawRecord(doc: Y.Doc, id: string): RawEntry | null {
  return readRawEntryUnder(recordsMap(doc) as Y.Map<unknown>, id, RECORD_NESTED_FIELDS, 'record')
}

/** The role stored under `id` as stored (a flat map); null when there is none. */
export function readRawRole(doc: Y.Doc, id: string): RawEntry | null {
  return readRawEntryUnder(rolesMap(doc) as Y.Map<unknown>, id, NO_NESTED_FIELDS, 'role')
}

/**
 * How many entries the records and roles maps hold, whatever each holds: `readRecords` skips an entry
 * that is not a record map and `readRoles` one that is not a valid role, so comparing the counts finds them.
 */
export function countRawEntries(doc: Y.Doc): { records: number; roles: number } {
  return { records: recordsMap(doc).size, roles: rolesMap(doc).size }
}

function readRawEntryUnder(
  top: Y.Map<unknown>,
  id: string,
  nested: ReadonlySet<string>,
  kind: string,
): RawEntry | null {
  if (!top.has(id)) return null
  const source = top.get(id)
  if (source instanceof Y.Map) return readRawEntry(source as FieldMap, nested)
  return { ok: false, field: '', reason: `is not a ${kind} map` }
}

/**
 * The given board fields as stored (each a plain value under its own key, no shared types); only
 * those keys are read, so a field an update did not write cannot fail it.
 */
export function readRawBoardFields(doc: Y.Doc, keys: Iterable<string>): RawEntry {
  return readRawFlatFields(boardMap(doc), keys)
}

/** The given keys of the `workshop` map, raw (as `readRawBoardFields`). */
export function readRawWorkshopFields(doc: Y.Doc, keys: Iterable<string>): RawEntry {
  return readRawFlatFields(workshopMap(doc), keys)
}

function readRawFlatFields(board: Y.Map<unknown>, keys: Iterable<string>): RawEntry {
  const fields: Record<string, unknown> = {}
  for (const key of keys) {
    if (key === '__proto__') return unusableKey(key)
    const value = board.get(key)
    const foreign = foreignKindOf(value)
    if (foreign !== null) return refusal(key, foreign)
    fields[key] = value
  }
  return { ok: true, fields }
}

/** One board field's stored value, unread by any reader's fallback (validation's "before" value). */
export function readRawBoardField(doc: Y.Doc, key: string): unknown {
  return boardMap(doc).get(key)
}

function readRawEntry(source: FieldMap, nested: ReadonlySet<string>): RawEntry {
  const fields: Record<string, unknown> = {}
  for (const [key, value] of source) {
    if (value instanceof Y.Map && nested.has(key)) {
      const inner: Record<string, unknown> = {}
      for (const [innerKey, innerValue] of value as FieldMap) {
        if (innerKey === '__proto__') return unusableKey(`${key}.${innerKey}`)
        const foreign = foreignKindOf(innerValue)
        if (foreign !== null) return refusal(`${key}.${innerKey}`, foreign)
        inner[innerKey] = innerValue
      }
      fields[key] = inner
      continue
    }
    if (key === '__proto__') return unusableKey(key)
    const foreign = foreignKindOf(value)
    if (foreign !== null) return refusal(key, foreign)
    fields[key] = value
  }
  return { ok: true, fields }
}

/** Assigning `__proto__` on a plain object sets its prototype: the field would vanish from every read. */
function unusableKey(field: string): RawEntry {
  return { ok: false, field, reason: 'is not a usable field name' }
}

function refusal(field: string, kind: string): RawEntry {
  return { ok: false, field, reason: `is a ${kind}; only plain values are stored here` }
}

/** The shared type's name when `value` is one (or a subdocument); null for a plain value. */
function foreignKindOf(value: unknown): string | null {
  if (value instanceof Y.Doc) return 'Y.Doc (subdocument)'
  if (!(value instanceof Y.AbstractType)) return null
  // XmlText extends Text and XmlElement extends XmlFragment: test the narrower class first.
  if (value instanceof Y.XmlText) return 'Y.XmlText'
  if (value instanceof Y.Text) return 'Y.Text'
  if (value instanceof Y.XmlElement) return 'Y.XmlElement'
  if (value instanceof Y.XmlFragment) return 'Y.XmlFragment'
  if (value instanceof Y.Array) return 'Y.Array'
  if (value instanceof Y.Map) return 'Y.Map'
  return 'shared type'
}
