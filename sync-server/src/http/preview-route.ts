/**
 * GET /api/boards/:id/preview: the board's thumbnail (the same `previewOf` the home page draws from a
 * board on the device), for boards this device has not opened yet.
 */
import { type BoardPreview, type BoardPreviewBody, previewOf, readRecords } from '@flowmap/shared'
import { loadBoardDoc } from '../boards/load-board.ts'
import type { Route, RouteContext, RouteResult } from './route.ts'

export function previewRoute(context: RouteContext): Route {
  // Previews by board, with the seq they show: a board unchanged since is not loaded again.
  const cache = new Map<string, { seq: number; preview: BoardPreview }>()
  return {
    method: 'GET',
    path: '/api/boards/:boardId/preview',
    access: 'read',
    handle: ({ board: { id: boardId } }): RouteResult<BoardPreviewBody> => {
      const cached = cache.get(boardId)
      if (cached !== undefined && cached.seq === context.storage.lastSeq(boardId)) {
        return { status: 200, body: { boardId, ...cached } }
      }
      const { doc, seq } = loadBoardDoc(context.storage, boardId)
      try {
        const preview = previewOf(readRecords(doc))
        cache.set(boardId, { seq, preview })
        return { status: 200, body: { boardId, seq, preview } }
      } finally {
        doc.destroy()
      }
    },
  }
}
