import type * as Y from 'yjs'

/**
 * The top-level types of a board's Y.Doc. Only the doc/ module names them; everything else goes
 * through its read/write/observe functions.
 *
 * - records: Y.Map keyed by record id; each record a Y.Map of its top-level fields, `props` and `meta`
 *   nested Y.Maps of per-key values.
 * - board: Y.Map of board-wide fields (title, schema, disabled lint rules).
 * - roles: Y.Map keyed by role id; each role a Y.Map of its fields.
 * - workshop: Y.Map of the facilitator's workshop state (locks, toolset, timer, vote results, private
 *   mode), one whole value per key; only facilitators write it (the server refuses anyone else).
 */
export type FieldMap = Y.Map<unknown>

/**
 * A record's fields that are stored as nested Y.Maps and merged per key, so that two people changing
 * different props of one shape both keep theirs; every other field is stored whole (last writer wins).
 */
export const RECORD_NESTED_FIELDS: ReadonlySet<string> = new Set(['props', 'meta'])

/** Board fields and roles are flat: every field is stored whole. */
export const NO_NESTED_FIELDS: ReadonlySet<string> = new Set()

/** The names of a board doc's top-level types; a doc holds nothing else. */
export const BOARD_ROOT_NAMES = ['records', 'board', 'roles', 'workshop'] as const
export type BoardRootName = (typeof BOARD_ROOT_NAMES)[number]

export function recordsMap(doc: Y.Doc): Y.Map<FieldMap> {
  return doc.getMap<FieldMap>('records')
}

export function boardMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('board')
}

export function rolesMap(doc: Y.Doc): Y.Map<FieldMap> {
  return doc.getMap<FieldMap>('roles')
}

export function workshopMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('workshop')
}

/**
 * Declares the board's top-level maps on `doc` (returned, for `declareBoardRoots(new Y.Doc())`). Call it
 * before any update arrives on a doc whose transactions are inspected (the server's shadow, a rebuilt
 * history doc): a root an update creates first is an untyped placeholder that Yjs swaps for a Y.Map when
 * someone later asks for it by type, and a transaction's `changed` would name the placeholder, so the
 * records it touched would go unseen and identity checks against the roots would miss them.
 */
export function declareBoardRoots(doc: Y.Doc): Y.Doc {
  recordsMap(doc)
  boardMap(doc)
  rolesMap(doc)
  workshopMap(doc)
  return doc
}
