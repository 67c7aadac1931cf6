import type * as Y from 'yjs'

/**
 * The top-level types of a board's Y.Doc. Only the doc/ module names them; everything else goes
 * through its read/write/observe functions.
 *
 * - records: Y.Map keyed by record id; each record a Y.Map of its top-level fields, `props` and `meta`
 *   nested Y.Maps of per-key values.
 * - board: Y.Map of board-wide fields (title, schema, disabled lint rules).
 * - roles: Y.Map keyed by role id; each role a Y.Map of its fields.
 */
export type FieldMap = Y.Map<unknown>

export function recordsMap(doc: Y.Doc): Y.Map<FieldMap> {
  return doc.getMap<FieldMap>('records')
}

export function boardMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('board')
}

export function rolesMap(doc: Y.Doc): Y.Map<FieldMap> {
  return doc.getMap<FieldMap>('roles')
}
