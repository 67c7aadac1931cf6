/**
 * The access check every route declares (route.ts), in the order the API has always answered: a valid
 * board id (400), a token that opens the board (401/403), a board that exists (404), then the role (403
 * with the route's sentence), with a 410 for a deleted board before the role. HTTP uses the socket's access rules (auth/board-access.ts).
 */
import type { IncomingMessage } from 'node:http'
import { boardIdProblem, canEditBoard, canFacilitateBoard } from '@flowmap/shared'
import type { BoardUser } from '../auth/roles.ts'
import { deletedBoardMessage, isDeleted } from '../boards/deleted-boards.ts'
import type { AsyncBoardStorage } from '../storage/async-board-storage.ts'
import type { BoardRecord } from '../storage/board-storage.ts'
import { type ApiError, problem } from './json-response.ts'
import { authorizeRequest } from './request-auth.ts'
import type { RouteAccess } from './route.ts'

export interface RouteAccessContext {
  authSecret: string | null
  storage: AsyncBoardStorage
  /** See ServerConfig.deletedBoardRetentionMs: a deleted board's 410 says until when it can be restored. */
  deletedBoardRetentionMs: number
}

type Refused = { ok: false; problem: ApiError }
type Declared = {
  access: Exclude<RouteAccess, 'none'>
  refusal?: string
  deletedBoards?: 'refuse' | 'accept'
}

/** A token with the route's role, for a route that names no board. */
export async function admitUser(
  context: RouteAccessContext,
  route: Declared,
  request: IncomingMessage,
): Promise<{ ok: true; user: BoardUser } | Refused> {
  const access = await authorizeRequest(context.authSecret, request, null, context.storage)
  if (!access.ok) return access
  return hasRole(access.user, route.access) ? access : refusedRole(route)
}

/** A token that opens the path's board with the route's role, and the board. */
export async function admitToBoard(
  context: RouteAccessContext,
  route: Declared,
  request: IncomingMessage,
  boardId: string,
): Promise<{ ok: true; user: BoardUser; board: BoardRecord } | Refused> {
  const idProblem = boardIdProblem(boardId)
  if (idProblem !== null) return refused(problem(400, 'invalid-board-id', idProblem))
  const access = await authorizeRequest(context.authSecret, request, boardId, context.storage)
  if (!access.ok) return access
  const board = await context.storage.getBoard(boardId)
  if (board === undefined) return refused(problem(404, 'board-not-found', `there is no board "${boardId}"`))
  if (isDeleted(board) && route.deletedBoards !== 'accept') {
    return refused(problem(410, 'board-deleted', deletedBoardMessage(board, context.deletedBoardRetentionMs)))
  }
  if (!hasRole(access.user, route.access)) return refusedRole(route)
  return { ok: true, user: access.user, board }
}

function hasRole(user: BoardUser, access: Declared['access']): boolean {
  switch (access) {
    case 'authenticated':
    case 'read':
      return true
    case 'edit':
      return canEditBoard(user.role)
    case 'facilitate':
      return canFacilitateBoard(user.role)
    case 'facilitate-all-boards':
      return canFacilitateBoard(user.role) && user.board === '*'
  }
}

function refusedRole(route: Declared): Refused {
  return refused(problem(403, 'forbidden', route.refusal ?? `this needs ${route.access} access`))
}

function refused(found: { problem: ApiError }): Refused {
  return { ok: false, problem: found.problem }
}
