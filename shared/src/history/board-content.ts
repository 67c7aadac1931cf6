import type { TLRecord } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { type BoardMeta, readBoard } from '../doc/board.ts'
import { readRecords } from '../doc/records.ts'
import { readRoles } from '../doc/roles.ts'
import type { Role } from '../schema/role.ts'

/**
 * What a board shows at a moment, as plain values: its records, roles and board fields. Unlike a
 * rebuilt Y.Doc it carries no CRDT history (tombstones), so it costs the size of the board, not of
 * its past: what replay draws and what restore writes back.
 */
export type BoardContent = {
  records: ReadonlyMap<string, TLRecord>
  roles: readonly Role[]
  board: BoardMeta
}

export function readBoardContent(doc: Y.Doc): BoardContent {
  return {
    records: new Map(readRecords(doc).map((record) => [record.id, record])),
    roles: readRoles(doc),
    board: readBoard(doc),
  }
}
