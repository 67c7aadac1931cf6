/** HTTP uses the socket's access rules; the token comes in `Authorization: Bearer <jwt>`. */
import type { IncomingMessage } from 'node:http'
import { authorize } from '../auth/board-access.ts'
import type { BoardUser } from '../auth/roles.ts'
import { boardIdProblem } from '../boards/board-id.ts'
import type { BoardRecord, BoardStorage } from '../storage/board-storage.ts'
import { type ApiError, problem } from './json-response.ts'

export type RequestAccess = { ok: true; user: BoardUser } | { ok: false; problem: ApiError }

export function bearerToken(request: IncomingMessage): string {
  const header = request.headers.authorization ?? ''
  const match = /^Bearer\s+(.+)$/i.exec(header.trim())
  return match?.[1] ?? ''
}

export async function authorizeRequest(
  authSecret: string | null,
  request: IncomingMessage,
  boardId: string | null,
): Promise<RequestAccess> {
  const decision = await authorize(authSecret, bearerToken(request), boardId)
  if (decision.ok) return decision
  return decision.kind === 'unauthenticated'
    ? { ok: false, problem: { status: 401, error: 'unauthorized', message: decision.reason } }
    : { ok: false, problem: { status: 403, error: 'forbidden', message: decision.reason } }
}

export type FoundBoard = { board: BoardRecord; user: BoardUser } | { problem: ApiError }

/**
 * The preamble of every /api/boards/:id route: a valid board id (400), a token that opens this board
 * (401/403), and a board that exists (404), checked in that order.
 */
export async function findReadableBoard(
  context: { authSecret: string | null; storage: BoardStorage },
  request: IncomingMessage,
  boardId: string,
): Promise<FoundBoard> {
  const idProblem = boardIdProblem(boardId)
  if (idProblem !== null) return problem(400, 'invalid-board-id', idProblem)
  const access = await authorizeRequest(context.authSecret, request, boardId)
  if (!access.ok) return access
  const board = context.storage.getBoard(boardId)
  if (board === undefined) return problem(404, 'board-not-found', `there is no board "${boardId}"`)
  return { board, user: access.user }
}
