/**
 * DELETE /api/boards/:id: a facilitator deletes a board. It is only marked deleted: hidden from the
 * list, refused over HTTP (410) and the socket, restorable (restore-board-route.ts) until it is purged
 * `deletedBoardRetentionMs` later. Everyone on it is disconnected and told why.
 */
import type { DeletedBoardJson } from '@flowmap/shared'
import { deletedBoardMessage } from '../boards/deleted-boards.ts'
import { deletedBoardJson } from './deleted-board-json.ts'
import { problem } from './json-response.ts'
import type { BoardRequest, Route, RouteResult } from './route.ts'

async function deleteBoard({ context, board }: BoardRequest): Promise<RouteResult<DeletedBoardJson>> {
  const now = Date.now()
  // The dispatcher answered 410 for a board deleted already; another request may have won since.
  if (!(await context.storage.markBoardDeleted(board.id, now))) {
    return problem(409, 'board-deleted', `board "${board.id}" was deleted by someone else just now`)
  }
  const deleted = { ...board, deletedAt: now }
  const retention = context.config.deletedBoardRetentionMs
  context.closeBoardSockets?.(board.id, deletedBoardMessage(deleted, retention))
  return { status: 200, body: deletedBoardJson(deleted, retention) }
}

export const deleteBoardRoute: Route = {
  method: 'DELETE',
  path: '/api/boards/:boardId',
  access: 'facilitate',
  refusal: 'only a facilitator can delete a board',
  answer: deleteBoard,
}
