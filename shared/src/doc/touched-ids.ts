import * as Y from 'yjs'
import { type AnyYType, parentOf } from './yjs-internals.ts'

export type TouchedIds = { changed: Set<string>; removed: Set<string> }

/**
 * The fields of one entry a transaction wrote: `'whole'` when the entry itself was set (created,
 * replaced), else dotted field paths ("x", "props.label", "meta.flow").
 */
export type TouchedFields = 'whole' | Set<string>

/**
 * The keys of `top` (a top-level Y.Map of per-entry Y.Maps: records or roles) that a transaction
 * touched, split by whether the entry still exists. Computed from `transaction.changed`, the types
 * Yjs marks as modified, so the cost is the size of the change, never the size of the doc.
 */
export function entryIdsTouchedBy(transaction: Y.Transaction, top: Y.Map<unknown>): TouchedIds {
  const changed = new Set<string>()
  const removed = new Set<string>()
  for (const id of entryFieldsTouchedBy(transaction, top).keys()) {
    if (top.get(id) instanceof Y.Map) changed.add(id)
    else removed.add(id)
  }
  return { changed, removed }
}

/**
 * Per touched key of `top`, which of its fields the transaction wrote: what a write-time limit
 * checks, so a value stored before the limit existed does not block edits of the entry's other fields.
 *
 * A change deep inside an entry is attributed to the entry by walking up the parent chain, to
 * whatever depth it sits: O(depth), and validation refuses any structure deeper than the layout's
 * two levels, so honest docs never have more.
 */
export function entryFieldsTouchedBy(
  transaction: Y.Transaction,
  top: Y.Map<unknown>,
): Map<string, TouchedFields> {
  const touched = new Map<string, TouchedFields>()
  const mark = (id: string, field: string | null) => {
    const fields = touched.get(id)
    if (fields === 'whole') return
    if (field === null) touched.set(id, 'whole')
    else if (fields === undefined) touched.set(id, new Set([field]))
    else fields.add(field)
  }
  for (const [type, keys] of transaction.changed) {
    if ((type as unknown) === top) {
      for (const key of keys) if (key !== null) mark(key, null)
      continue
    }
    const path = pathBelow(type, top)
    if (path === null) continue
    const [id, ...inside] = path
    if (id === null || id === undefined || inside.includes(null)) {
      if (id !== null && id !== undefined) mark(id, null)
      continue
    }
    const prefix = inside.join('.')
    for (const key of keys) {
      // A null key is a change to a sequence type (Y.Array, Y.Text): name the type's own field.
      const field = key === null ? prefix : prefix === '' ? key : `${prefix}.${key}`
      mark(id, field === '' ? null : field)
    }
  }
  return touched
}

/**
 * The keys from `top` down to `type` (`[entryId, 'props']` for a record's props map); null when
 * `type` is not inside `top`. A key is null where a parent is a sequence type (no key names it).
 */
function pathBelow(type: AnyYType, top: Y.Map<unknown>): Array<string | null> | null {
  const path: Array<string | null> = []
  let current: AnyYType = type
  for (;;) {
    const up = parentOf(current)
    if (up === null) return null
    path.push(up.key)
    // A change inside a map that lost a concurrent "create" race still names its id: reporting an
    // entry that did not really change costs a re-read, never a missed change.
    if (up.parent === top) return path.reverse()
    current = up.parent
  }
}
