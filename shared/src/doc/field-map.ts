import { isEqual } from '@tldraw/utils'
import * as Y from 'yjs'
import { type FieldMap, NO_NESTED_FIELDS } from './doc-maps.ts'

type Fields = Readonly<Record<string, unknown>>

/**
 * Copies an object's fields into a Y.Map, touching only what differs, so that two people changing
 * different fields of the same record both keep their change. `nestedKeys` name the fields that are
 * themselves objects stored as nested Y.Maps (a record's `props` and `meta`), merged per key; every
 * other value is stored whole (last writer wins for that field).
 */
export function writeFieldsInto(target: FieldMap, source: Fields, nestedKeys: ReadonlySet<string>): void {
  for (const key of target.keys()) {
    if (source[key] === undefined) target.delete(key)
  }
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined) continue
    if (nestedKeys.has(key) && isPlainObject(value)) {
      writeFieldsInto(nestedMapUnder(target, key, {}), value, NO_NESTED_FIELDS)
    } else if (!isEqual(target.get(key), value)) {
      target.set(key, value)
    }
  }
}

/**
 * Writes into a Y.Map what changed from `before` to `after`, and nothing else: fields both leave equal
 * are not touched, so a value another person wrote there in the meantime stays (the store reports edits
 * a frame late, and writing its whole record would put back what a remote change replaced). Under the
 * `nestedKeys`, the change is written per key in the same way. A changed field the map already holds
 * at its new value is not written again.
 */
export function patchFieldsInto(
  target: FieldMap,
  before: Fields,
  after: Fields,
  nestedKeys: ReadonlySet<string>,
): void {
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[key]
    const to = after[key]
    if (nestedKeys.has(key) && isPlainObject(from) && isPlainObject(to)) {
      const stored = target.get(key)
      // A whole-stored object from a foreign writer becomes a per-key map holding its keys.
      const seed = isPlainObject(stored) && !(stored instanceof Y.AbstractType) ? stored : {}
      patchFieldsInto(nestedMapUnder(target, key, seed), from, to, NO_NESTED_FIELDS)
    } else if (!isEqual(from, to)) {
      if (to === undefined) {
        if (target.has(key)) target.delete(key)
      } else if (!isEqual(target.get(key), to)) {
        target.set(key, to)
      }
    }
  }
}

/** The Y.Map stored under `key`; when something else is there, a new one holding `seed`'s fields. */
function nestedMapUnder(target: FieldMap, key: string, seed: Fields): FieldMap {
  const nested = target.get(key)
  if (nested instanceof Y.Map) return nested as FieldMap
  const created = new Y.Map<unknown>()
  target.set(key, created)
  writeFieldsInto(created, seed, NO_NESTED_FIELDS)
  return created
}

/** The plain object a field map holds; nested Y.Maps become plain objects. */
export function readFieldsFrom(source: FieldMap): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const [key, value] of source) {
    // Our writers store only plain values and the props/meta maps; any other shared type comes from a
    // foreign writer and is read as plain JSON, so validation judges it and no Y type leaks out.
    fields[key] =
      value instanceof Y.Map
        ? readFieldsFrom(value as FieldMap)
        : value instanceof Y.AbstractType
          ? value.toJSON()
          : value
  }
  return fields
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  )
}
