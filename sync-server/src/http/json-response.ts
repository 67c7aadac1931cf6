/** JSON responses and request bodies. Every error is `{ error: code, message: sentence }` with a status. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApiErrorBody } from '@flowmap/shared'
import { readBodyBytes } from './request-body.ts'

export interface ApiError {
  status: number
  error: string
  message: string
  /** Headers the refusal needs besides the JSON ones (`Allow` on a 405). */
  headers?: Readonly<Record<string, string>>
}

/** A route's refusal: what the dispatcher sends as `{ error, message }` with `status`. */
export function problem(status: number, error: string, message: string): { problem: ApiError } {
  return { problem: { status, error, message } }
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  })
  response.end(text)
}

export function sendError(response: ServerResponse, problem: ApiError): void {
  const body: ApiErrorBody = { error: problem.error, message: problem.message }
  sendJson(response, problem.status, body, problem.headers)
}

export type BodyResult = { ok: true; body: unknown } | { ok: false; problem: ApiError }

/**
 * Reads a JSON body of at most `maxBytes`; an empty body is `{}` (POST /api/boards needs nothing).
 * 413 when the declared or the received size is over the limit (checked as it arrives, so an endless
 * body is never buffered); 415 for a body that is not declared as JSON; 400 for JSON that does not parse.
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const read = await readBodyBytes(request, maxBytes, (size) => ({
    status: 413,
    error: 'body-too-large',
    message: `the request body is ${size}; at most ${maxBytes} bytes are accepted here`,
  }))
  if (!read.ok) return read
  const text = read.bytes.toString('utf8').trim()
  if (text === '') return { ok: true, body: {} }
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? ''
  if (type !== 'application/json') {
    return {
      ok: false,
      problem: {
        status: 415,
        error: 'unsupported-media-type',
        message: `the request body must be JSON sent as Content-Type: application/json, got "${type || 'none'}"`,
      },
    }
  }
  try {
    return { ok: true, body: JSON.parse(text) }
  } catch {
    return {
      ok: false,
      problem: { status: 400, error: 'invalid-json', message: 'request body is not valid JSON' },
    }
  }
}
