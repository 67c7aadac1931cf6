/**
 * A deleted board refuses sockets: onAuthenticate (after the auth extension has checked the token)
 * turns the connection down with the sentence that says it was deleted and until when it can be
 * restored, which the client shows. The board is never loaded, so no one writes into it.
 */
import type { Extension, onAuthenticatePayload } from '@hocuspocus/server'
import { deletedBoardMessage, isDeleted } from '../boards/deleted-boards.ts'
import type { AsyncBoardStorage } from '../storage/async-board-storage.ts'

export function deletedBoardGuardExtension(options: {
  storage: AsyncBoardStorage
  retentionMs: number
}): Extension {
  return {
    extensionName: 'flowmap-deleted-board-guard',
    // Below auth (1000): a token is checked first, so a stranger learns nothing about the board.
    priority: 990,
    async onAuthenticate({ documentName }: onAuthenticatePayload) {
      const board = await options.storage.getBoard(documentName)
      if (board === undefined || !isDeleted(board)) return
      // Hocuspocus turns a thrown `{ reason }` into a permission-denied message carrying that reason;
      // throwing is the only way this hook can refuse.
      throw { reason: deletedBoardMessage(board, options.retentionMs) }
    },
  }
}
