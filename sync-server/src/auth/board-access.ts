/** One access decision for the socket and the HTTP API alike. */
import { isLocalIdentityToken } from '@flowmap/shared'
import { applyMembership, type BoardMembers } from './board-membership.ts'
import { localModeUser } from './local-mode-user.ts'
import { type BoardUser, opensBoard } from './roles.ts'
import { verifyToken } from './tokens.ts'

export type AccessDecision =
  /** `warning`: let in, but as "Local user", because the declared identity could not be used (local mode) */
  | { ok: true; user: BoardUser; warning?: string }
  | { ok: false; reason: string; kind: 'unauthenticated' | 'forbidden' | 'removed' }

/**
 * Who `token` is, and whether they may open `boardId` (or, with `boardId` null, any board at all), with
 * the role a facilitator may have given them there since (board-membership.ts).
 * Local mode (no secret): everyone is a facilitator, named after the identity the browser declares.
 * With a secret, only the signed token says who someone is: a declaration counts as no token.
 */
export async function authorize(
  authSecret: string | null,
  token: string,
  boardId: string | null,
  members: BoardMembers,
): Promise<AccessDecision> {
  const decision = await authorizeToken(authSecret, token, boardId)
  if (!decision.ok) return decision
  const membership = await applyMembership(decision.user, boardId, members)
  if (!membership.ok) return { ok: false, reason: membership.reason, kind: 'removed' }
  return { ...decision, user: membership.user }
}

async function authorizeToken(
  authSecret: string | null,
  token: string,
  boardId: string | null,
): Promise<AccessDecision> {
  if (authSecret === null) {
    const { user, problem } = localModeUser(token)
    return problem === null ? { ok: true, user } : { ok: true, user, warning: problem }
  }
  const check = await verifyToken(authSecret, isLocalIdentityToken(token) ? '' : token)
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
