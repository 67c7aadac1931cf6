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
import type { Logger } from '../logger.ts'
import type { BoardStorage } from '../storage/board-storage.ts'

export interface TitleSyncOptions {
  storage: BoardStorage
  logger: Logger
  now?: () => number
}

export function titleSyncExtension(options: TitleSyncOptions): Extension {
  const { storage, logger } = options
  const now = options.now ?? Date.now

  const copyTitle = (boardId: string, title: string) => {
    if (storage.getBoard(boardId)?.title === title) return
    try {
      storage.setTitle(boardId, title, now())
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
      if (loaded !== null) copyTitle(documentName, loaded)
      observeBoard(document, (board) => copyTitle(documentName, board.title))
    },
  }
}
