/**
 * Deleting and restoring boards on the server, for a facilitator: DELETE /api/boards/:id marks a board
 * deleted (restorable for the server's retention window), POST /api/boards/:id/restore brings it back,
 * GET /api/deleted-boards lists the ones this link may restore. Each answers a value with the server's
 * sentence when it refuses, never a throw.
 */
import { readDeletedBoardBody, readDeletedBoardListBody, refusalMessageOf } from '@flowmap/shared'

/** A deleted board as the home page lists it under "Recently deleted". */
export type DeletedBoard = {
  readonly id: string
  readonly title: string
  /** ms since the epoch */
  readonly deletedAt: number
  /** ms since the epoch: after this the server purges it */
  readonly restorableUntil: number
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; message: string }

async function call(path: string, token: string | null, method: string): Promise<ApiResult<unknown>> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(5000),
    })
  } catch {
    return { ok: false, message: 'the server cannot be reached' }
  }
  const json: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    return { ok: false, message: refusalMessageOf(json) ?? `the server answered ${response.status}` }
  }
  return { ok: true, value: json }
}

function toDeletedBoard(board: { id: string; title: string; deletedAt: string; restorableUntil: string }) {
  return {
    id: board.id,
    title: board.title,
    deletedAt: Date.parse(board.deletedAt) || 0,
    restorableUntil: Date.parse(board.restorableUntil) || 0,
  }
}

export async function deleteServerBoard(
  boardId: string,
  token: string | null,
): Promise<ApiResult<DeletedBoard>> {
  const answered = await call(`/api/boards/${encodeURIComponent(boardId)}`, token, 'DELETE')
  if (!answered.ok) return answered
  const read = readDeletedBoardBody(answered.value)
  return read.ok ? { ok: true, value: toDeletedBoard(read.body) } : { ok: false, message: read.reason }
}

export async function restoreServerBoard(boardId: string, token: string | null): Promise<ApiResult<null>> {
  const answered = await call(`/api/boards/${encodeURIComponent(boardId)}/restore`, token, 'POST')
  return answered.ok ? { ok: true, value: null } : answered
}

export async function fetchDeletedBoards(token: string | null): Promise<ApiResult<DeletedBoard[]>> {
  const answered = await call('/api/deleted-boards', token, 'GET')
  if (!answered.ok) return answered
  const read = readDeletedBoardListBody(answered.value)
  return read.ok
    ? { ok: true, value: read.body.boards.map(toDeletedBoard) }
    : { ok: false, message: read.reason }
}
