import * as Y from 'yjs'
import { readBoard, writeBoard } from '../doc/board.ts'
import type { DocOrigin } from '../doc/origin.ts'
import { deleteRecords, readRecords, writeRecords } from '../doc/records.ts'
import { deleteRole, readRoles, writeRole } from '../doc/roles.ts'
import { transactBoard } from '../doc/transact-board.ts'
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
 * Makes `live` equal to a past moment (a doc rebuilt by docAt, or `HistoryLog.contentAt`) as ONE new forward transaction on `live`:
 * records, roles and board fields that differ are written through the doc functions, everything else is
 * left alone. Nothing is rewritten: the history keeps every entry, the restore is one more, attributed to
 * whoever's connection sends it, and another restore to the moment before it undoes it.
 *
 * The board's `schema` is not restored: the live doc's records are written in the live schema, and a
 * past record read back from the doc is migrated on load like any other.
 */
export function restoreBoard(
  live: Y.Doc,
  moment: Y.Doc | BoardContent,
  origin: DocOrigin = restoreOrigin,
): RestoreSummary {
  const past = moment instanceof Y.Doc ? readBoardContent(moment) : moment
  const records = differingEntries(byId(readRecords(live)), past.records)
  const roles = differingEntries(byId(readRoles(live)), byId([...past.roles]))

  const liveBoard = readBoard(live)
  const pastBoard = past.board
  const boardPatch: { title?: string; disabledLintRules?: string[] } = {}
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

  // Nested transactions join this one: the whole restore is a single update, a single history entry.
  transactBoard(live, origin, () => {
    if (records.write.length > 0) writeRecords(live, records.write, origin)
    if (records.remove.length > 0) deleteRecords(live, records.remove, origin)
    for (const role of roles.write) writeRole(live, role, origin)
    for (const id of roles.remove) deleteRole(live, id, origin)
    if (summary.boardFields.length > 0) writeBoard(live, boardPatch, origin)
  })
  return summary
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
