/** GET /api/boards/:id: the board and its last history seq (what replay's progress bar counts to). */
import type { BoardBody } from '@flowmap/shared'
import { boardJson } from './board-json.ts'
import type { Route, RouteContext, RouteResult } from './route.ts'

export function boardRoute(context: RouteContext): Route {
  return {
    method: 'GET',
    path: '/api/boards/:boardId',
    access: 'read',
    handle: ({ board }): RouteResult<BoardBody> => ({
      status: 200,
      body: { ...boardJson(board), lastSeq: context.storage.lastSeq(board.id) },
    }),
  }
}
