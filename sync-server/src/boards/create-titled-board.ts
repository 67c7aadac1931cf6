/**
 * A new board in storage with its first history entry: the title and schema version live in the doc
 * (clients read them there), so replay starts from the board as created. The answer's `doc` is that
 * entry's doc, for a caller that writes more after it (a board made from a file).
 */
import { flowmapSchema, writeBoard } from '@flowmap/shared'
import * as Y from 'yjs'
import type { BoardUser } from '../auth/roles.ts'
import type { BoardRecord, BoardStorage } from '../storage/board-storage.ts'
import { newBoardId } from './board-id.ts'

export const MAX_TITLE_LENGTH = 200

export type TitledBoard = { ok: true; board: BoardRecord; doc: Y.Doc } | { ok: false; id: string }

export function createTitledBoard(storage: BoardStorage, user: BoardUser, title: string): TitledBoard {
  const id = newBoardId()
  const now = Date.now()
  const created = storage.createBoard({ id, title, now })
  if (!created.ok) return { ok: false, id }
  const doc = new Y.Doc()
  writeBoard(doc, { title, schema: flowmapSchema.serialize() })
  storage.appendUpdate({
    boardId: id,
    time: now,
    userId: user.id,
    userName: user.name,
    clientId: doc.clientID,
    update: Y.encodeStateAsUpdate(doc),
  })
  return { ok: true, board: created.board, doc }
}
