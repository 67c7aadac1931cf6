/**
 * A local edit, written as what it changed: only the top-level fields, props and meta keys that differ
 * between the store's before and after, laid over the doc's current record. Writing the store's whole
 * record instead would put back values a remote change replaced in the meantime (the store reports
 * edits a frame late), and per-property merging would be lost.
 */
import { isEqual, type TLRecord } from 'tldraw'

type Fields = Record<string, unknown>

const PER_KEY_FIELDS: ReadonlySet<string> = new Set(['props', 'meta'])

function overlayChangedKeys(base: Fields, from: Fields, to: Fields, perKey: ReadonlySet<string>): Fields {
  const result: Fields = { ...base }
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    const before = from[key]
    const after = to[key]
    if (perKey.has(key) && isFields(before) && isFields(after)) {
      const current = isFields(base[key]) ? (base[key] as Fields) : {}
      result[key] = overlayChangedKeys(current, before, after, noKeys)
    } else if (!isEqual(before, after)) {
      if (after === undefined) delete result[key]
      else result[key] = after
    }
  }
  return result
}

const noKeys: ReadonlySet<string> = new Set()

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `inDoc` with the changes from `from` to `to` applied, key by key. */
export function applyRecordChange(inDoc: TLRecord, from: TLRecord, to: TLRecord): TLRecord {
  return overlayChangedKeys(
    inDoc as unknown as Fields,
    from as unknown as Fields,
    to as unknown as Fields,
    PER_KEY_FIELDS,
  ) as unknown as TLRecord
}
