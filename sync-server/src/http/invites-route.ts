/**
 * POST /api/boards/:id/invites `{role, days?, name?}`: a share link signed for one role, made by a
 * facilitator of the board. Needs FLOWMAP_AUTH_SECRET (409 in local mode, where there are no tokens).
 */
import { boardRoleProblem, type InviteBody, isBoardRole } from '@flowmap/shared'
import { createShareLink, inviteDaysProblem } from '../auth/share-link.ts'
import { problem, readJsonBody } from './json-response.ts'
import { publicBaseUrl } from './public-url.ts'
import type { BoardRequest, Route, RouteResult } from './route.ts'

async function createInvite({ context, request, board }: BoardRequest): Promise<RouteResult<InviteBody>> {
  const secret = context.config.authSecret
  if (secret === null) {
    return problem(
      409,
      'auth-disabled',
      'invites need FLOWMAP_AUTH_SECRET; in local mode anyone who can open the URL is a facilitator',
    )
  }
  const read = await readJsonBody(request, context.config.maxJsonBodyBytes)
  if (!read.ok) return read
  const body = read.body as { role?: unknown; days?: unknown; name?: unknown }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return problem(
      400,
      'invalid-body',
      'expected a JSON object like {"role": "editor", "days": 7, "name": "Ada"}',
    )
  }
  if (!isBoardRole(body.role)) {
    return problem(400, 'invalid-role', `role ${boardRoleProblem(body.role)}`)
  }
  const days = body.days ?? 7
  const daysProblem = inviteDaysProblem(days)
  if (daysProblem !== null) return problem(400, 'invalid-days', daysProblem)
  const name = body.name ?? `Guest ${body.role}`
  if (typeof name !== 'string' || name.trim() === '' || name.length > 100) {
    return problem(400, 'invalid-name', 'name must be a non-empty string of at most 100 characters')
  }
  const link = await createShareLink({
    secret,
    baseUrl: publicBaseUrl(context.config, request),
    boardId: board.id,
    role: body.role,
    name,
    days: days as number,
    now: new Date(),
  })
  return { status: 201, body: link }
}

export const invitesRoute: Route = {
  method: 'POST',
  path: '/api/boards/:boardId/invites',
  access: 'facilitate',
  refusal: 'only a facilitator of this board can invite people',
  answer: createInvite,
}
