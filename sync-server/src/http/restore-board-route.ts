/** POST /api/boards/:id/restore: a facilitator brings a deleted board back, with all its content and history. */
import type { BoardJson } from '@flowmap/shared'
import { isDeleted } from '../boards/deleted-boards.ts'
import { boardJson } from './board-json.ts'
import { problem } from './json-response.ts'
import type { BoardRequest, Route, RouteResult } from './route.ts'

async function restoreBoard({ context, board }: BoardRequest): Promise<RouteResult<BoardJson>> {
  if (!isDeleted(board)) return problem(409, 'board-not-deleted', `board "${board.id}" is not deleted`)
  if (!(await context.storage.restoreBoard(board.id))) {
    return problem(404, 'board-not-found', `board "${board.id}" was purged or restored just now`)
  }
  return { status: 200, body: boardJson({ ...board, deletedAt: null }) }
}

export const restoreBoardRoute: Route = {
  method: 'POST',
  path: '/api/boards/:boardId/restore',
  access: 'facilitate',
  refusal: 'only a facilitator can restore a board',
  deletedBoards: 'accept',
  answer: restoreBoard,
}
