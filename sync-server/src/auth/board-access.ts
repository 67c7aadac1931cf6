/** One access decision for the socket and the HTTP API alike. */
import { type BoardUser, LOCAL_USER, opensBoard } from './roles.ts'
import { verifyToken } from './tokens.ts'

export type AccessDecision =
  | { ok: true; user: BoardUser }
  | { ok: false; reason: string; kind: 'unauthenticated' | 'forbidden' }

/**
 * Who `token` is, and whether they may open `boardId` (or, with `boardId` null, any board at all).
 * Local mode (no secret) ignores the token: everyone is a facilitator.
 */
export async function authorize(
  authSecret: string | null,
  token: string,
  boardId: string | null,
): Promise<AccessDecision> {
  if (authSecret === null) return { ok: true, user: LOCAL_USER }
  const check = await verifyToken(authSecret, token)
  if (!check.ok) return { ok: false, reason: check.reason, kind: 'unauthenticated' }
  if (boardId !== null && !opensBoard(check.user, boardId)) {
    return {
      ok: false,
      reason: `this token opens board "${check.user.board}", not "${boardId}"`,
      kind: 'forbidden',
    }
  }
  return { ok: true, user: check.user }
}
