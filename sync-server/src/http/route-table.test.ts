/**
 * The route table drives these tests: each declared route is requested over a real server with
 * tokens of every role, so a route added to the table is checked without a test of its own, and its
 * path must be one the dev proxy and the service worker hand to the server.
 */
import { type BoardRole, isServerPath } from '@flowmap/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { Y_WEBSOCKET_PATH_PREFIX } from '../interop/y-websocket-bridge.ts'
import { COLLAB_PATH } from '../server.ts'
import { createBoardOverApi, requestJson } from '../testing/http-client.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'
import type { Route } from './route.ts'
import { ROUTES as routes } from './route-table.ts'

const server = useTestServer({ per: 'suite', config: { authSecret: TEST_SECRET } })
let boardId: string

beforeAll(async () => {
  boardId = await createBoardOverApi(server.url, { token: await token('*', 'facilitator') })
})

function token(board: string, role: BoardRole): Promise<string> {
  return testToken({ sub: `u-${role}`, name: role, board, role })
}

function urlOf(route: Route, board = boardId): string {
  return `${server.url}${route.path.replace(':boardId', board)}`
}

async function statusOf(route: Route, options: { token?: string; board?: string } = {}): Promise<number> {
  const answer = await requestJson(urlOf(route, options.board), {
    method: route.method,
    ...(options.token === undefined ? {} : { token: options.token }),
    ...(route.method === 'POST' ? { body: {} } : {}),
  })
  return answer.status
}

const REFUSED = [401, 403]
const ROLES: BoardRole[] = ['viewer', 'editor', 'facilitator']
const RANK: Record<BoardRole, number> = { viewer: 0, editor: 1, facilitator: 2 }
const NEEDED: Record<'read' | 'edit' | 'facilitate', number> = { read: 0, edit: 1, facilitate: 2 }

describe('the route table', () => {
  it('has every route and socket path under a prefix the dev proxy and the service worker leave to the server', () => {
    const paths = [
      ...routes.map((route) => route.path.replace(':boardId', 'some-board')),
      COLLAB_PATH,
      `${Y_WEBSOCKET_PATH_PREFIX}some-board`,
    ]
    expect(paths.filter((path) => !isServerPath(path))).toEqual([])
  })

  it('declares the access each route has always had: writes that change who or what the board is need a facilitator', () => {
    expect(routes.map((route) => `${route.method} ${route.path} ${route.access}`)).toEqual([
      'GET /healthz none',
      'HEAD /healthz none',
      'GET /metrics none',
      'GET /config.json none',
      'GET /api/boards authenticated',
      'POST /api/boards facilitate-all-boards',
      'GET /api/boards/:boardId read',
      'GET /api/boards/:boardId/history read',
      'GET /api/boards/:boardId/history/at read',
      'GET /api/boards/:boardId/export.json read',
      'POST /api/boards/:boardId/import edit',
      'GET /api/boards/:boardId/export.bpmn read',
      'GET /api/boards/:boardId/export.mmd read',
      'POST /api/boards/:boardId/invites facilitate',
      'POST /api/boards/:boardId/people facilitate',
      'GET /api/boards/:boardId/insights read',
      'GET /api/boards/:boardId/contributors read',
      'GET /api/boards/:boardId/preview read',
      'GET /api/boards/:boardId/versions read',
      'POST /api/boards/:boardId/versions facilitate',
      'DELETE /api/boards/:boardId facilitate',
      'POST /api/boards/:boardId/restore facilitate',
      'GET /api/deleted-boards authenticated',
      'GET /api/templates facilitate-all-boards',
      'POST /api/boards/:boardId/templates facilitate',
      'POST /api/boards/:boardId/assets edit',
      'GET /api/boards/:boardId/assets/:hash read',
      'POST /api/boards/:boardId/assets/move-inline facilitate',
    ])
  })

  it('declares each method and path once', () => {
    const keys = routes.map((route) => `${route.method} ${route.path}`)
    expect(keys.length).toBe(new Set(keys).size)
  })

  it('answers a method no route of the path takes with 405, naming the ones it takes in the body and Allow', async () => {
    const versions = await requestJson(`${server.url}/api/boards/${boardId}/versions`, {
      method: 'DELETE',
    })
    expect(versions.status).toBe(405)
    expect(versions.headers.get('allow')).toBe('GET, POST')
    expect(versions.body).toEqual({
      error: 'method-not-allowed',
      message: `DELETE /api/boards/${boardId}/versions is not supported; use GET, POST`,
    })
    const health = await requestJson(`${server.url}/healthz`, { method: 'PUT' })
    expect(health.status).toBe(405)
    expect(health.headers.get('allow')).toBe('GET, HEAD')
  })

  it("enforces each board route's declared access: the role it needs, the board the token opens, a token at all", async () => {
    const boardRoutes = routes.filter(
      (route): route is Route<'read' | 'edit' | 'facilitate'> =>
        route.access === 'read' || route.access === 'edit' || route.access === 'facilitate',
    )
    expect(boardRoutes.length).toBeGreaterThan(5)
    for (const route of boardRoutes) {
      const name = `${route.method} ${route.path}`
      for (const role of ROLES) {
        const status = await statusOf(route, { token: await token(boardId, role) })
        const allowed = RANK[role] >= NEEDED[route.access]
        expect({ name, role, refused: REFUSED.includes(status) }).toEqual({ name, role, refused: !allowed })
      }
      expect({ name, status: await statusOf(route) }).toEqual({ name, status: 401 })
      const otherBoard = await token('another-board', 'facilitator')
      expect({ name, status: await statusOf(route, { token: otherBoard }) }).toEqual({ name, status: 403 })
      const facilitator = await token('*', 'facilitator')
      expect({ name, status: await statusOf(route, { token: facilitator, board: 'missing' }) }).toEqual({
        name,
        status: 404,
      })
      expect({ name, status: await statusOf(route, { token: facilitator, board: 'bad.id' }) }).toEqual({
        name,
        status: 400,
      })
    }
  })

  it('lets any valid token list boards, and only a facilitator of every board create one', async () => {
    const list = routes.find((route) => route.method === 'GET' && route.path === '/api/boards')!
    const create = routes.find((route) => route.method === 'POST' && route.path === '/api/boards')!
    expect([list.access, create.access]).toEqual(['authenticated', 'facilitate-all-boards'])
    expect(await statusOf(list)).toBe(401)
    expect(await statusOf(list, { token: await token(boardId, 'viewer') })).toBe(200)
    expect(await statusOf(create, { token: await token(boardId, 'facilitator') })).toBe(403)
    expect(await statusOf(create, { token: await token('*', 'editor') })).toBe(403)
    expect(await statusOf(create, { token: await token('*', 'facilitator') })).toBe(201)
  })

  it('opens the operational routes to anyone', async () => {
    for (const route of routes.filter((candidate) => candidate.access === 'none')) {
      expect({ route: `${route.method} ${route.path}`, status: await statusOf(route) }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 200,
      })
    }
  })
})
