import * as Y from 'yjs'
import { type Role, validateRole } from '../schema/role.ts'
import { NO_NESTED_FIELDS, rolesMap } from './doc-maps.ts'
import { readFieldsFrom, writeFieldsInto } from './field-map.ts'
import { type DocOrigin, localOrigin } from './origin.ts'
import { entryIdsTouchedBy, type TouchedIds } from './touched-ids.ts'
import { transactBoard } from './transact-board.ts'

/**
 * The board's roles, sorted by name then id so every client lists them in the same order (Y.Map
 * iteration order depends on how updates arrived). Entries that are not valid roles are skipped.
 */
export function readRoles(doc: Y.Doc): Role[] {
  const roles: Role[] = []
  for (const source of rolesMap(doc).values()) {
    if (!(source instanceof Y.Map)) continue
    const checked = validateRole(readFieldsFrom(source))
    if (checked.ok) roles.push(checked.role)
  }
  return roles.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** Writes one role, changing only the fields that differ (two people can rename and recolour at once). */
export function writeRole(doc: Y.Doc, role: Role, origin: DocOrigin = localOrigin): void {
  const roles = rolesMap(doc)
  transactBoard(doc, origin, () => {
    let target = roles.get(role.id)
    if (!(target instanceof Y.Map)) {
      target = new Y.Map<unknown>()
      roles.set(role.id, target)
    }
    writeFieldsInto(target, role, NO_NESTED_FIELDS)
  })
}

export function deleteRole(doc: Y.Doc, id: string, origin: DocOrigin = localOrigin): void {
  const roles = rolesMap(doc)
  transactBoard(doc, origin, () => {
    if (roles.has(id)) roles.delete(id)
  })
}

export function roleIdsTouchedBy(transaction: Y.Transaction): TouchedIds {
  return entryIdsTouchedBy(transaction, rolesMap(transaction.doc) as Y.Map<unknown>)
}

/** Calls `listener` with all roles after each transaction that changed any (roles are few); the origin is the writer's. */
export function observeRoles(doc: Y.Doc, listener: (roles: Role[], origin: unknown) => void): () => void {
  const roles = rolesMap(doc)
  const onChange = (_events: unknown, transaction: Y.Transaction) =>
    listener(readRoles(doc), transaction.origin)
  roles.observeDeep(onChange)
  return () => roles.unobserveDeep(onChange)
}
