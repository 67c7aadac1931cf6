/** GET /api/deleted-boards: the deleted boards, not yet purged, that the token facilitates (it may restore them). */
import { canFacilitateBoard, type DeletedBoardListBody } from '@flowmap/shared'
import { opensBoard } from '../auth/roles.ts'
import { isDeleted } from '../boards/deleted-boards.ts'
import { deletedBoardJson } from './deleted-board-json.ts'
import type { Route, RouteResult, UserRequest } from './route.ts'

async function listDeletedBoards({ context, user }: UserRequest): Promise<RouteResult<DeletedBoardListBody>> {
  const retention = context.config.deletedBoardRetentionMs
  const boards = canFacilitateBoard(user.role)
    ? (await context.storage.listDeletedBoards())
        .filter(isDeleted)
        .filter((board) => opensBoard(user, board.id))
        .map((board) => deletedBoardJson(board, retention))
    : []
  return { status: 200, body: { boards } }
}

export const listDeletedBoardsRoute: Route = {
  method: 'GET',
  path: '/api/deleted-boards',
  access: 'authenticated',
  answer: listDeletedBoards,
}
