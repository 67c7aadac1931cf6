import { isEqual } from '@tldraw/utils'
import * as Y from 'yjs'
import type { FieldMap } from './doc-maps.ts'

/**
 * Copies an object's fields into a Y.Map, touching only what differs, so that two people changing
 * different fields of the same record both keep their change. `nestedKeys` name the fields that are
 * themselves objects stored as nested Y.Maps (a record's `props` and `meta`), merged per key; every
 * other value is stored whole (last writer wins for that field).
 */
export function writeFieldsInto(
  target: FieldMap,
  source: Readonly<Record<string, unknown>>,
  nestedKeys: ReadonlySet<string>,
): void {
  for (const key of target.keys()) {
    if (source[key] === undefined) target.delete(key)
  }
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined) continue
    if (nestedKeys.has(key) && isPlainObject(value)) {
      let nested = target.get(key)
      if (!(nested instanceof Y.Map)) {
        nested = new Y.Map<unknown>()
        target.set(key, nested)
      }
      writeFieldsInto(nested as FieldMap, value, noNestedKeys)
    } else if (!isEqual(target.get(key), value)) {
      target.set(key, value)
    }
  }
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

const noNestedKeys: ReadonlySet<string> = new Set()

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  )
}
