/**
 * The HTTP side of the one port: the route table (route-table.ts: the API and the operational
 * endpoints), then a 404 for any other /api path, then the built client.
 * A thrown error becomes a 500 JSON response and one log line, never a dropped connection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from '../logger.ts'
import { StorageWriteError, storageFailureInWords } from '../storage/storage-error.ts'
import { attachment } from './attachment.ts'
import { sendError, sendJson } from './json-response.ts'
import { requestPath } from './path-decoding.ts'
import type { RouteAnswer, RouteContext } from './route.ts'
import { createRouteDispatcher, methodNotAllowed } from './route-dispatch.ts'
import { ROUTES } from './route-table.ts'
import { setSecurityHeaders } from './security-headers.ts'
import { staticClient } from './static-client.ts'

export interface RequestHandlerContext extends RouteContext {
  logger: Logger
}

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void

export function createRequestHandler(context: RequestHandlerContext): RequestHandler {
  const client = staticClient(context.config.clientDir)
  const dispatch = createRouteDispatcher(context, ROUTES)

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = requestPath(request.url ?? '/')
    if ('problem' in target) return sendError(response, target.problem)
    const { path, url } = target
    const method = request.method ?? 'GET'

    const answer = await dispatch(request, path, url.searchParams)
    if (answer !== null) return send(response, answer)
    if (path.startsWith('/api/') || path === '/api' || path === '/collab') {
      return sendError(response, { status: 404, error: 'not-found', message: `no route ${method} ${path}` })
    }
    if (method !== 'GET' && method !== 'HEAD') {
      return sendError(response, methodNotAllowed(method, path, ['GET', 'HEAD']))
    }
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

function send(response: ServerResponse, answer: RouteAnswer): void {
  if ('problem' in answer) sendError(response, answer.problem)
  else if ('text' in answer) {
    const download =
      answer.filename === undefined ? {} : { 'Content-Disposition': attachment(answer.filename) }
    response.writeHead(answer.status, {
      'Content-Type': answer.contentType,
      'Cache-Control': 'no-store',
      ...download,
    })
    response.end(answer.text)
  } else if ('bytes' in answer) {
    response.writeHead(answer.status, {
      ...answer.headers,
      'Content-Length': String(answer.bytes.byteLength),
    })
    response.end(answer.bytes)
  } else sendJson(response, answer.status, answer.body)
}
