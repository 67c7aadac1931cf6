/**
 * POST /api/boards/:id/people `{userId, change}` (@flowmap/shared's http-member-change-body.ts): a
 * facilitator makes a person an editor or a viewer, or removes them. The change is stored first (so a
 * reconnect, or a restart, already meets it: auth/board-membership.ts), with the ids of the tokens the
 * person is connected with when they are removed; then it is applied to their live connections.
 *
 * An HTTP route rather than a stateless message from the facilitator's socket: it gets the route
 * table's role check and 403, a body validator and an answer the page can show, and it works for a
 * person who is not connected, from a script as from the page.
 */
import { type MemberChangeBody, readMemberChangeRequest } from '@flowmap/shared'
import { problem, readJsonBody } from './json-response.ts'
import type { BoardRequest, Route, RouteResult } from './route.ts'

async function changeMember({
  context,
  request,
  board,
  user,
}: BoardRequest): Promise<RouteResult<MemberChangeBody>> {
  const read = await readJsonBody(request, context.config.maxJsonBodyBytes)
  if (!read.ok) return read
  const body = readMemberChangeRequest(read.body)
  if (!body.ok) return problem(400, 'invalid-body', body.reason)
  const { userId, change } = body.body
  if (userId === user.id) {
    return problem(
      409,
      'own-membership',
      'you cannot change your own role or remove yourself here: ask another facilitator',
    )
  }
  const now = Date.now()
  const live = context.liveMembers
  await context.storage.transaction(async (tx) => {
    await tx.setMemberChange(board.id, userId, change, now)
    if (change !== 'removed') return
    for (const tokenId of live?.tokenIdsOf(board.id, userId) ?? []) {
      await tx.revokeToken(board.id, tokenId, now)
    }
  })
  const connections = live?.apply(board.id, userId, change) ?? 0
  return { status: 200, body: { userId, change, connections } }
}

export const peopleRoute: Route = {
  method: 'POST',
  path: '/api/boards/:boardId/people',
  access: 'facilitate',
  refusal: "only a facilitator of this board can change people's roles or remove them",
  answer: changeMember,
}
