/** HTTP uses the socket's access rules; the token comes in `Authorization: Bearer <jwt>`. */
import type { IncomingMessage } from 'node:http'
import { authorize } from '../auth/board-access.ts'
import type { BoardMembers } from '../auth/board-membership.ts'
import type { BoardUser } from '../auth/roles.ts'
import type { ApiError } from './json-response.ts'

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
  members: BoardMembers,
): Promise<RequestAccess> {
  const decision = await authorize(authSecret, bearerToken(request), boardId, members)
  if (decision.ok) return decision
  switch (decision.kind) {
    case 'unauthenticated':
      return { ok: false, problem: { status: 401, error: 'unauthorized', message: decision.reason } }
    case 'forbidden':
      return { ok: false, problem: { status: 403, error: 'forbidden', message: decision.reason } }
    case 'removed':
      return { ok: false, problem: { status: 403, error: 'removed', message: decision.reason } }
  }
}
