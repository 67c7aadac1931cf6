/** HTTP uses the socket's access rules; the token comes in `Authorization: Bearer <jwt>`. */
import type { IncomingMessage } from 'node:http'
import { authorize } from '../auth/board-access.ts'
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
): Promise<RequestAccess> {
  const decision = await authorize(authSecret, bearerToken(request), boardId)
  if (decision.ok) return decision
  return decision.kind === 'unauthenticated'
    ? { ok: false, problem: { status: 401, error: 'unauthorized', message: decision.reason } }
    : { ok: false, problem: { status: 403, error: 'forbidden', message: decision.reason } }
}
