import * as Y from 'yjs'

/**
 * The one place that reads Yjs's structure below its public API: a shared type's `_item` (the struct
 * that holds it in its parent) and the doc's `share` (its top-level types by name). Yjs offers no public
 * way to ask where a changed type sits, and validation and the touched-entry reads must know it: which
 * entry a change deep inside a record belongs to, and whether an update wrote outside the board's roots.
 * Everything else in the repo goes through the doc/ functions built on these.
 */

// biome-ignore lint/suspicious/noExplicitAny: Yjs types transaction.changed and _item.parent this way
export type AnyYType = Y.AbstractType<any>

/**
 * Where `type` sits: its parent type and the key it is stored under (null when the parent is a sequence
 * type, Y.Array or Y.Text, where no key names it). Null for a top-level type, and for one not yet
 * integrated (its parent is then only an id).
 */
export function parentOf(type: AnyYType): { parent: AnyYType; key: string | null } | null {
  const item = type._item
  if (item === null || !(item.parent instanceof Y.AbstractType)) return null
  return { parent: item.parent, key: item.parentSub }
}

/** The top-level type `type` sits under (itself when it is one). */
export function rootOf(type: AnyYType): AnyYType {
  let root = type
  for (let up = parentOf(root); up !== null; up = parentOf(root)) root = up.parent
  return root
}

/** The name `doc` holds the top-level type `root` under; null when it holds it under none. */
export function rootNameOf(doc: Y.Doc, root: AnyYType): string | null {
  for (const [name, shared] of doc.share) if (shared === root) return name
  return null
}

/** The top-level type `doc` holds under `name`, whatever its kind; undefined when none was created. */
export function rootNamed(doc: Y.Doc, name: string): AnyYType | undefined {
  return doc.share.get(name)
}

/**
 * What Yjs holds back on `doc` because it depends on something the doc lacks ("pending"): the structs
 * waiting, with per client the first clock each needs (`missing`) and the clock ranges they span
 * (`from`, `to`, as `Y.parseUpdateMeta` gives them), and whether deletes of absent content wait too.
 * Null when nothing is pending. Yjs keeps this in its struct store only; the server refuses an update
 * that leaves anything pending, and tests check that honest clients never do.
 */
export type Pending = {
  structs: { missing: Map<number, number>; from: Map<number, number>; to: Map<number, number> } | null
  deletes: boolean
}

export function pendingOf(doc: Y.Doc): Pending | null {
  const { pendingStructs, pendingDs } = doc.store
  if (pendingStructs === null && pendingDs === null) return null
  // Yjs keeps pending structs V2-encoded.
  const meta = pendingStructs === null ? null : Y.parseUpdateMetaV2(pendingStructs.update)
  return {
    structs:
      pendingStructs === null || meta === null
        ? null
        : { missing: new Map(pendingStructs.missing), from: meta.from, to: meta.to },
    deletes: pendingDs !== null,
  }
}

/** Forgets the structs and deletes Yjs holds back for a dependency: they never become part of the doc. */
export function dropPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
}

/**
 * The value `map` held under `key` before `transaction`: undefined when it held none. Yjs keeps a key's
 * successive values as a chain of structs (the newest on the right, every other one deleted), so the
 * value before is the newest struct created before the transaction, unless it was already deleted then.
 * Only valid while the transaction's deleted content is still there: call it from an 'afterTransaction'
 * handler, before Yjs garbage-collects (after that a replaced value reads as gone).
 */
export function mapValueBefore(map: Y.Map<unknown>, key: string, transaction: Y.Transaction): unknown {
  let item: Y.Item | null = map._map.get(key) ?? null
  while (item !== null) {
    const createdBefore = item.id.clock < (transaction.beforeState.get(item.id.client) ?? 0)
    if (createdBefore) {
      const deletedBefore = item.deleted && !Y.isDeleted(transaction.deleteSet, item.id)
      if (deletedBefore) return undefined
      const content = item.content.getContent()
      return content[content.length - 1]
    }
    item = item.left
  }
  return undefined
}

/** The keys `map` has ever held (live or deleted), for reading a map's values before a transaction. */
export function mapKeysEverHeld(map: Y.Map<unknown>): Iterable<string> {
  return map._map.keys()
}
