/**
 * A person's write that comes in over HTTP (an imported file) rather than over a socket: it goes into
 * the board's live Hocuspocus document, so everyone connected sees it at once, and it is judged by the
 * same rules as that person's edit would be (validate-touched.ts: permission rules, then every touched
 * record, role and board field), stored as one history entry in their name before it is broadcast
 * (server-write.ts). A board nobody has open is loaded for the write through a direct connection and
 * unloaded after it, as Hocuspocus does for its own server-side writers.
 */
import type { Hocuspocus } from '@hocuspocus/server'
import type * as Y from 'yjs'
import type { BoardUser, FlowmapContext } from '../auth/roles.ts'
import type { History } from '../extensions/history.ts'
import type { BoardShadows } from './board-shadows.ts'
import type { BoardTurns } from './board-turns.ts'
import { type ServerWriteResult, writeOnServer } from './server-write.ts'
import { validateTouched } from './validate-touched.ts'

/** `what` names the change for a person ("the imported file"); `write` makes it in one transaction. */
export type WriteBoardAs = (
  boardId: string,
  user: BoardUser,
  what: string,
  write: (doc: Y.Doc) => void,
) => Promise<ServerWriteResult>

export function liveBoardWriter(parts: {
  hocuspocus: Hocuspocus
  history: History
  shadows: BoardShadows
  turns: BoardTurns
}): WriteBoardAs {
  return async (boardId, user, what, write) => {
    const context: FlowmapContext = { user }
    const connection = await parts.hocuspocus.openDirectConnection(boardId, context)
    try {
      const document = connection.document
      if (document === null) throw new Error(`board ${boardId} closed before it could be written`)
      const { history, shadows, turns } = parts
      return await writeOnServer({ history, shadows, turns, document, documentName: boardId }, what, write, {
        author: { id: user.id, name: user.name },
        check: (scratch, transaction, before) => validateTouched(scratch, transaction, before, user),
      })
    } finally {
      await connection.disconnect()
    }
  }
}
