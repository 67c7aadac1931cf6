/** GET /api/boards/:id: the board and its last history seq (what replay's progress bar counts to). */
import type { BoardBody } from '@flowmap/shared'
import { boardJson } from './board-json.ts'
import type { BoardRequest, Route, RouteResult } from './route.ts'

async function describeBoard({ context, board }: BoardRequest): Promise<RouteResult<BoardBody>> {
  return { status: 200, body: { ...boardJson(board), lastSeq: await context.storage.lastSeq(board.id) } }
}

export const boardRoute: Route = {
  method: 'GET',
  path: '/api/boards/:boardId',
  access: 'read',
  answer: describeBoard,
}
