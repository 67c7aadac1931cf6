/**
 * Title sync: the boards table's `title` (what GET /api/boards lists) follows the title in the board's
 * doc as soon as an accepted change sets it, whoever set it (a client's rename, a restore), instead of
 * waiting for the debounced snapshot. The doc is the title's one source of truth; the row is a copy.
 *
 * Cheap on the update path: one observer on the doc's small `board` map, which fires only for
 * transactions that touched it, and a write only when the title differs from the row's.
 */
import { observeBoard, readBoardTitle } from '@flowmap/shared'
import type { afterLoadDocumentPayload, Extension } from '@hocuspocus/server'
import { BoardTurns } from '../boards/board-turns.ts'
import type { Logger } from '../logger.ts'
import type { AsyncBoardStorage } from '../storage/async-board-storage.ts'

export interface TitleSyncOptions {
  storage: AsyncBoardStorage
  logger: Logger
  now?: () => number
}

export function titleSyncExtension(options: TitleSyncOptions): Extension {
  const { storage, logger } = options
  const now = options.now ?? Date.now

  // Per board, copies run one after another, so two quick renames cannot land in the wrong order.
  const copies = new BoardTurns()
  const copyTitle = (boardId: string, title: string) => copies.run(boardId, () => copyNow(boardId, title))
  const copyNow = async (boardId: string, title: string): Promise<void> => {
    try {
      if ((await storage.getBoard(boardId))?.title === title) return
      await storage.setTitle(boardId, title, now())
    } catch (error) {
      // The doc keeps the title; the next snapshot copies it again. The storage health records the failure.
      logger.error({ event: 'error', board: boardId, err: error }, 'title copy failed')
    }
  }

  return {
    extensionName: 'flowmap-title-sync',
    async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
      // A snapshot that never got written (a crash) left an older title in the row.
      const loaded = readBoardTitle(document)
      if (loaded !== null) await copyTitle(documentName, loaded)
      observeBoard(document, (board) => void copyTitle(documentName, board.title))
    },
  }
}
