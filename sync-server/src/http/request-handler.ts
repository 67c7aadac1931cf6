/**
 * The HTTP side of the one port: routes to the API, the operational endpoints, then the built client.
 * A thrown error becomes a 500 JSON response and one log line, never a dropped connection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ServerConfig } from '../config.ts'
import type { Logger } from '../logger.ts'
import type { ServerMetrics } from '../server-metrics.ts'
import type { BoardStorage } from '../storage/board-storage.ts'
import { StorageWriteError, storageFailureInWords } from '../storage/storage-error.ts'
import {
  createBoard,
  createInvite,
  exportBoard,
  getBoard,
  getBoardPreview,
  getHistory,
  listBoards,
  type RouteResult,
} from './board-routes.ts'
import { createHistoryAtRoute } from './history-at-route.ts'
import { getBoardInsights } from './insights-route.ts'
import { type ApiError, sendError, sendJson } from './json-response.ts'
import { decodePathSegment, requestPath } from './path-decoding.ts'
import { setSecurityHeaders } from './security-headers.ts'
import { staticClient } from './static-client.ts'
import { createVersionsRoutes } from './versions-route.ts'

export interface RequestHandlerContext {
  config: ServerConfig
  storage: BoardStorage
  metrics: ServerMetrics
  logger: Logger
}

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void

const BOARD_PATH = /^\/api\/boards\/([^/]+)(\/history|\/export\.json|\/invites|\/insights|\/preview)?\/?$/

export function createRequestHandler(context: RequestHandlerContext): RequestHandler {
  const client = staticClient(context.config.clientDir)
  const versions = createVersionsRoutes(context)
  const historyAt = createHistoryAtRoute(context)

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = requestPath(request.url ?? '/')
    if ('problem' in target) return sendError(response, target.problem)
    const { path, url } = target
    const method = request.method ?? 'GET'

    if (path === '/healthz') {
      if (method !== 'GET' && method !== 'HEAD') return sendError(response, notAllowed(method, path, 'GET'))
      // A failing write (full disk, database file gone) is named until a write succeeds again.
      const failure = context.storage.writeFailure()
      if (failure !== null) {
        return sendJson(response, 503, {
          status: 'unavailable',
          cause: failure.cause,
          reason: failure.reason,
        })
      }
      const available = context.storage.isAvailable()
      return sendJson(
        response,
        available ? 200 : 503,
        available ? { status: 'ok' } : { status: 'unavailable', reason: 'storage is not answering' },
      )
    }
    if (path === '/metrics') {
      if (method !== 'GET') return sendError(response, notAllowed(method, path, 'GET'))
      const text = await context.metrics.registry.metrics()
      response.writeHead(200, {
        'Content-Type': context.metrics.registry.contentType,
        'Cache-Control': 'no-store',
      })
      response.end(text)
      return
    }
    if (path === '/config.json') {
      if (method !== 'GET') return sendError(response, notAllowed(method, path, 'GET'))
      return sendJson(response, 200, {
        tldrawLicenseKey: context.config.tldrawLicenseKey,
        authRequired: context.config.authSecret !== null,
      })
    }
    if (path === '/api/boards' || path === '/api/boards/') {
      if (method === 'GET') return send(response, await listBoards(context, request))
      if (method === 'POST') return send(response, await createBoard(context, request))
      return sendError(response, notAllowed(method, path, 'GET, POST'))
    }
    const historyAtBoard = historyAt.match(path)
    if (historyAtBoard !== null) {
      return send(response, await historyAt.handle(request, historyAtBoard, url.searchParams))
    }
    const versionsBoard = versions.match(path)
    if (versionsBoard !== null) return send(response, await versions.handle(request, versionsBoard))
    const board = BOARD_PATH.exec(path)
    const boardId = board === null ? null : decodePathSegment(board[1]!)
    if (board !== null && boardId !== null) {
      const action = board[2] ?? ''
      const allowed = action === '/invites' ? 'POST' : 'GET'
      if (method !== allowed) return sendError(response, notAllowed(method, path, allowed))
      if (action === '') return send(response, await getBoard(context, request, boardId))
      if (action === '/history')
        return send(response, await getHistory(context, request, boardId, url.searchParams))
      if (action === '/export.json') return send(response, await exportBoard(context, request, boardId))
      if (action === '/insights') return send(response, await getBoardInsights(context, request, boardId))
      if (action === '/preview') return send(response, await getBoardPreview(context, request, boardId))
      return send(response, await createInvite(context, request, boardId))
    }
    if (path.startsWith('/api/') || path === '/api' || path === '/collab') {
      return sendError(response, { status: 404, error: 'not-found', message: `no route ${method} ${path}` })
    }
    if (method !== 'GET' && method !== 'HEAD') return sendError(response, notAllowed(method, path, 'GET'))
    if (!client.available) {
      return sendError(response, {
        status: 404,
        error: 'client-not-built',
        message: 'the web client is not built here: run `pnpm build` (or set FLOWMAP_CLIENT_DIR)',
      })
    }
    client.serve(request, response, path)
  }

  return (request, response) => {
    setSecurityHeaders(response)
    route(request, response).catch((error: unknown) => {
      context.logger.error(
        { event: 'error', method: request.method, url: request.url, err: error },
        'HTTP handler failed',
      )
      if (response.headersSent) return response.destroy()
      // A write the storage refused is the server's condition, not a bug: 503 with the cause, as /healthz.
      if (error instanceof StorageWriteError) {
        return sendError(response, {
          status: 503,
          error: 'storage-unavailable',
          message: `the server could not store this (${storageFailureInWords(error)}); nothing was changed, try again later`,
        })
      }
      sendError(response, {
        status: 500,
        error: 'internal-error',
        message: 'the server failed to answer; see its log',
      })
    })
  }
}

function send(response: ServerResponse, result: RouteResult): void {
  if ('problem' in result) sendError(response, result.problem)
  else sendJson(response, result.status, result.body)
}

function notAllowed(method: string, path: string, allowed: string): ApiError {
  return {
    status: 405,
    error: 'method-not-allowed',
    message: `${method} ${path} is not supported; use ${allowed}`,
  }
}
