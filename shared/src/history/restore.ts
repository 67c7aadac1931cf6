import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { readBoard, writeBoard } from '../doc/board.ts'
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
  const summary: RestoreSummary = {
    written: [],
    deleted: [],
    rolesWritten: [],
    rolesDeleted: [],
    boardFields: [],
  }
  const liveRecords = byId(readRecords(live))
  const pastRecords = past.records
  const toWrite: TLRecord[] = []
  for (const [id, record] of pastRecords) {
    const current = liveRecords.get(id)
    if (current && changedFields(asObject(current), asObject(record)).length === 0) continue
    toWrite.push(record)
    summary.written.push(id)
  }
  for (const id of liveRecords.keys()) if (!pastRecords.has(id)) summary.deleted.push(id)

  const liveRoles = byId(readRoles(live))
  const pastRoles = byId([...past.roles])
  const rolesToWrite: Role[] = []
  for (const [id, role] of pastRoles) {
    const current = liveRoles.get(id)
    if (current && changedFields(asObject(current), asObject(role)).length === 0) continue
    rolesToWrite.push(role)
    summary.rolesWritten.push(id)
  }
  for (const id of liveRoles.keys()) if (!pastRoles.has(id)) summary.rolesDeleted.push(id)

  const liveBoard = readBoard(live)
  const pastBoard = past.board
  const boardPatch: { title?: string; disabledLintRules?: string[] } = {}
  if (liveBoard.title !== pastBoard.title) boardPatch.title = pastBoard.title
  if (changedFields({ v: liveBoard.disabledLintRules }, { v: pastBoard.disabledLintRules }).length > 0) {
    boardPatch.disabledLintRules = pastBoard.disabledLintRules
  }
  summary.boardFields = Object.keys(boardPatch)

  // Nested transactions join this one: the whole restore is a single update, a single history entry.
  transactBoard(live, origin, () => {
    if (toWrite.length > 0) writeRecords(live, toWrite, origin)
    if (summary.deleted.length > 0) deleteRecords(live, summary.deleted, origin)
    for (const role of rolesToWrite) writeRole(live, role, origin)
    for (const id of summary.rolesDeleted) deleteRole(live, id, origin)
    if (summary.boardFields.length > 0) writeBoard(live, boardPatch, origin)
  })
  return summary
}

function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]))
}

function asObject(value: object): Record<string, unknown> {
  return value as unknown as Record<string, unknown>
}
