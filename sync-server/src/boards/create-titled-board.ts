/**
 * A new board in storage with its first history entry: the title and schema version live in the doc
 * (clients read them there), so replay starts from the board as created. The answer's `doc` is that
 * entry's doc, for a caller that writes more after it (a board made from a file). The row and the entry
 * are one transaction: a board is never listed without the title its doc should hold.
 */
import { flowmapSchema, writeBoard } from '@flowmap/shared'
import * as Y from 'yjs'
import type { BoardUser } from '../auth/roles.ts'
import type { AsyncBoardTransaction } from '../storage/async-board-storage.ts'
import type { BoardRecord } from '../storage/board-storage.ts'
import { newBoardId } from './board-id.ts'

export const MAX_TITLE_LENGTH = 200

export type TitledBoard = { ok: true; board: BoardRecord; doc: Y.Doc } | { ok: false; id: string }

/** `storage` may be a transaction already (a board made from a file), which this one joins. */
export async function createTitledBoard(
  storage: AsyncBoardTransaction,
  user: BoardUser,
  title: string,
): Promise<TitledBoard> {
  const id = newBoardId()
  const now = Date.now()
  const doc = new Y.Doc()
  writeBoard(doc, { title, schema: flowmapSchema.serialize() })
  return storage.transaction(async (tx) => {
    const created = await tx.createBoard({ id, title, now })
    if (!created.ok) return { ok: false, id }
    await tx.appendUpdate({
      boardId: id,
      time: now,
      userId: user.id,
      userName: user.name,
      clientId: doc.clientID,
      update: Y.encodeStateAsUpdate(doc),
    })
    return { ok: true, board: created.board, doc }
  })
}
