import * as Y from 'yjs'

export type TouchedIds = { changed: Set<string>; removed: Set<string> }

/**
 * The keys of `top` (a top-level Y.Map of per-entry Y.Maps: records or roles) that a transaction
 * touched, split by whether the entry still exists. Computed from `transaction.changed`, the types
 * Yjs marks as modified, so the cost is the size of the change, never the size of the doc.
 *
 * A change deep inside an entry (a key of a record's `props`) is attributed to the entry by walking up
 * the parent chain: the entry's Y.Map sits in `top` under its id (`_item.parentSub`).
 */
export function entryIdsTouchedBy(transaction: Y.Transaction, top: Y.Map<unknown>): TouchedIds {
  const touched = new Set<string>()
  for (const [type, keys] of transaction.changed) {
    if ((type as unknown) === top) {
      for (const key of keys) if (key !== null) touched.add(key)
      continue
    }
    const id = entryIdOf(type, top)
    if (id !== null) touched.add(id)
  }
  const changed = new Set<string>()
  const removed = new Set<string>()
  for (const id of touched) {
    if (top.get(id) instanceof Y.Map) changed.add(id)
    else removed.add(id)
  }
  return { changed, removed }
}

// biome-ignore lint/suspicious/noExplicitAny: Yjs types transaction.changed and _item.parent this way
type AnyYType = Y.AbstractType<any>

function entryIdOf(type: AnyYType, top: Y.Map<unknown>): string | null {
  let current: AnyYType = type
  // Records nest two levels (record map, then props/meta); the bound only guards against odd docs.
  for (let depth = 0; depth < 8; depth++) {
    const item = current._item
    if (item === null) return null
    // A change inside a map that lost a concurrent "create" race still names its id: reporting an
    // entry that did not really change costs a re-read, never a missed change.
    if (item.parent === top) return item.parentSub
    if (!(item.parent instanceof Y.AbstractType)) return null
    current = item.parent
  }
  return null
}
