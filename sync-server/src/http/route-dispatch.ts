/**
 * Answers a request from the route table: finds the routes whose path matches, answers 405 (with an
 * `Allow` list) when none takes the method, runs the access check the route declares (route-access.ts)
 * and hands the handler the user and board it found. Null when no route has the path, so the caller
 * can answer 404 or serve the web app.
 */
import type { IncomingMessage } from 'node:http'
import type { ApiError } from './json-response.ts'
import type { HttpMethod, Route, RouteAnswer, RouteContext } from './route.ts'
import { admitToBoard, admitUser, type RouteAccessContext } from './route-access.ts'
import { pathMatcher } from './route-path.ts'

export type RouteDispatcher = (
  request: IncomingMessage,
  path: string,
  query: URLSearchParams,
) => Promise<RouteAnswer | null>

export function createRouteDispatcher(context: RouteContext, routes: readonly Route[]): RouteDispatcher {
  const access: RouteAccessContext = {
    authSecret: context.config.authSecret,
    storage: context.storage,
    deletedBoardRetentionMs: context.config.deletedBoardRetentionMs,
  }
  const table = routes.map((route) => ({ route, match: pathMatcher(route.path) }))
  return async (request, path, query) => {
    const matching = table.flatMap(({ route, match }) => {
      const found = match(path)
      return found === null ? [] : [{ route, boardId: found.boardId, params: found.params }]
    })
    if (matching.length === 0) return null
    const method = request.method ?? 'GET'
    const hit = matching.find(({ route }) => route.method === method)
    if (hit === undefined) {
      const allowed = matching.map(({ route }) => route.method)
      return { problem: methodNotAllowed(method, path, allowed) }
    }
    const { route, boardId, params } = hit
    if (route.access === 'none') return route.answer({ request, query, params, context })
    if (route.access === 'authenticated' || route.access === 'facilitate-all-boards') {
      const admitted = await admitUser(access, route, request)
      return admitted.ok ? route.answer({ request, query, params, context, user: admitted.user }) : admitted
    }
    // A board route's path names `:boardId` (its type says so), so its match always has one.
    if (boardId === null) throw new Error(`route ${route.method} ${route.path} names no :boardId`)
    const admitted = await admitToBoard(access, route, request, boardId)
    return admitted.ok
      ? route.answer({ request, query, params, context, user: admitted.user, board: admitted.board })
      : admitted
  }
}

/** 405 naming the methods the path takes, in the body's sentence and the `Allow` header. */
export function methodNotAllowed(method: string, path: string, allowed: readonly HttpMethod[]): ApiError {
  const list = [...new Set(allowed)].join(', ')
  return {
    status: 405,
    error: 'method-not-allowed',
    message: `${method} ${path} is not supported; use ${list}`,
    headers: { Allow: list },
  }
}
