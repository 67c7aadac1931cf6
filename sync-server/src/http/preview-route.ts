/**
 * GET /api/boards/:id/preview: the board's thumbnail (the same `previewOf` the home page draws from a
 * board on the device), for boards this device has not opened yet.
 */
import { type BoardPreview, type BoardPreviewBody, previewOf, readRecords } from '@flowmap/shared'
import { loadBoardDoc } from '../boards/load-board.ts'
import type { AsyncBoardStorage } from '../storage/async-board-storage.ts'
import type { BoardRequest, Route, RouteResult } from './route.ts'

/** Previews by storage and board, with the seq they show: a board unchanged since is not loaded again. */
const previews = new WeakMap<AsyncBoardStorage, Map<string, { seq: number; preview: BoardPreview }>>()

async function boardPreview({
  context: { storage },
  board: { id: boardId },
}: BoardRequest): Promise<RouteResult<BoardPreviewBody>> {
  let cache = previews.get(storage)
  if (cache === undefined) {
    cache = new Map()
    previews.set(storage, cache)
  }
  const cached = cache.get(boardId)
  if (cached !== undefined && cached.seq === (await storage.lastSeq(boardId))) {
    return { status: 200, body: { boardId, ...cached } }
  }
  const { doc, seq } = await loadBoardDoc(storage, boardId)
  try {
    const preview = previewOf(readRecords(doc))
    cache.set(boardId, { seq, preview })
    return { status: 200, body: { boardId, seq, preview } }
  } finally {
    doc.destroy()
  }
}

export const previewRoute: Route = {
  method: 'GET',
  path: '/api/boards/:boardId/preview',
  access: 'read',
  answer: boardPreview,
}
