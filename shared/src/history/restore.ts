import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { readBoard, writeBoard } from '../doc/board.ts'
import { boardMap, rolesMap } from '../doc/doc-maps.ts'
import type { DocOrigin } from '../doc/origin.ts'
import { deleteRecords, readRecords, writeRecords } from '../doc/records.ts'
import { deleteRole, readRoles, writeRole } from '../doc/roles.ts'
import { transactBoard } from '../doc/transact-board.ts'
import type { Role } from '../schema/role.ts'
import { type BoardContent, readBoardContent } from './board-content.ts'
import { changedFields } from './diff.ts'

/** The origin of a restore: a forward change made by a person, synced and logged like any other edit. */
export const restoreOrigin: DocOrigin = Object.freeze({ source: 'restore' })

/** What a restore wrote: record and role ids, and the board fields put back. */
export type RestoreSummary = {
  written: string[]
  deleted: string[]
  rolesWritten: string[]
  rolesDeleted: string[]
  boardFields: string[]
}

/**
 * What makes `live` equal to a past moment: the records and roles to write (new or changed) and the ids
 * to delete, and the board fields to put back. Everything else is left alone.
 */
export type RestorePlan = {
  records: { write: TLRecord[]; remove: string[] }
  roles: { write: Role[]; remove: string[] }
  boardPatch: { title?: string; disabledLintRules?: string[] }
  summary: RestoreSummary
}

/**
 * Plans making `live` equal to a past moment (a doc rebuilt by docAt, or `HistoryLog.contentAt`). The
 * board's `schema` is not restored: the live doc's records are written in the live schema, and a past
 * record read back from the doc is migrated on load like any other.
 */
export function planRestore(live: Y.Doc, moment: Y.Doc | BoardContent): RestorePlan {
  const past = moment instanceof Y.Doc ? readBoardContent(moment) : moment
  const records = differingEntries(byId(readRecords(live)), past.records)
  const roles = differingEntries(byId(readRoles(live)), byId([...past.roles]))

  const liveBoard = readBoard(live)
  const pastBoard = past.board
  const boardPatch: RestorePlan['boardPatch'] = {}
  if (liveBoard.title !== pastBoard.title) boardPatch.title = pastBoard.title
  if (changedFields({ v: liveBoard.disabledLintRules }, { v: pastBoard.disabledLintRules }).length > 0) {
    boardPatch.disabledLintRules = pastBoard.disabledLintRules
  }
  const summary: RestoreSummary = {
    written: records.write.map((record) => record.id),
    deleted: records.remove,
    rolesWritten: roles.write.map((role) => role.id),
    rolesDeleted: roles.remove,
    boardFields: Object.keys(boardPatch),
  }
  return { records, roles, boardPatch, summary }
}

/**
 * Writes the roles and board fields of a plan; the records are the caller's (a page restores them
 * through its editor's store, so that its own undo can take the restore back).
 */
export function writeRestoredRolesAndBoard(live: Y.Doc, plan: RestorePlan, origin: DocOrigin): void {
  transactBoard(live, origin, () => {
    for (const role of plan.roles.write) writeRole(live, role, origin)
    for (const id of plan.roles.remove) deleteRole(live, id, origin)
    if (plan.summary.boardFields.length > 0) writeBoard(live, plan.boardPatch, origin)
  })
}

/**
 * The parts of the doc `writeRestoredRolesAndBoard` writes (the roles and the board's fields), for a
 * page that undoes a restore's changes there along with its records.
 */
export function restoredRolesAndBoardRoots(doc: Y.Doc): Y.AbstractType<unknown>[] {
  return [rolesMap(doc), boardMap(doc)] as Y.AbstractType<unknown>[]
}

/**
 * Makes `live` equal to a past moment as ONE new forward transaction on `live`. Nothing is rewritten:
 * the history keeps every entry, the restore is one more, attributed to whoever's connection sends it,
 * and another restore to the moment before it undoes it.
 */
export function restoreBoard(
  live: Y.Doc,
  moment: Y.Doc | BoardContent,
  origin: DocOrigin = restoreOrigin,
): RestoreSummary {
  const plan = planRestore(live, moment)
  // Nested transactions join this one: the whole restore is a single update, a single history entry.
  transactBoard(live, origin, () => {
    if (plan.records.write.length > 0) writeRecords(live, plan.records.write, origin)
    if (plan.records.remove.length > 0) deleteRecords(live, plan.records.remove, origin)
    writeRestoredRolesAndBoard(live, plan, origin)
  })
  return plan.summary
}

/** What makes `live` equal to `past`: the entries to write (new or changed) and the ids to delete. */
function differingEntries<T extends { id: string }>(
  live: ReadonlyMap<string, T>,
  past: ReadonlyMap<string, T>,
): { write: T[]; remove: string[] } {
  const write: T[] = []
  for (const [id, entry] of past) {
    const current = live.get(id)
    if (current && changedFields(asObject(current), asObject(entry)).length === 0) continue
    write.push(entry)
  }
  const remove = [...live.keys()].filter((id) => !past.has(id))
  return { write, remove }
}

function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]))
}

function asObject(value: object): Record<string, unknown> {
  return value as unknown as Record<string, unknown>
}
