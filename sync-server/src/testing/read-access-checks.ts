/**
 * What every board read route (preview, insights, history…) owes a server with tokens on: no token is
 * 401, a token for another board is 403, a viewer of this board is let in.
 */
import { expect } from 'vitest'
import { type JsonResponse, requestJson } from './http-client.ts'
import { testToken } from './test-tokens.ts'

/** Asserts the three answers for `url`, a route of board `boardId`; returns the viewer's answer. */
export async function expectReadAccessRules(url: string, boardId: string): Promise<JsonResponse> {
  expect((await requestJson(url)).status).toBe(401)
  const otherBoard = await testToken({ sub: 'bo', name: 'Bo', board: 'other', role: 'viewer' })
  expect((await requestJson(url, { token: otherBoard })).status).toBe(403)
  const viewer = await testToken({ sub: 'cy', name: 'Cy', board: boardId, role: 'viewer' })
  const answer = await requestJson(url, { token: viewer })
  expect(answer.status).toBe(200)
  return answer
}
