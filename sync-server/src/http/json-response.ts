/** JSON responses and request bodies. Every error is `{ error: code, message: sentence }` with a status. */
import type { IncomingMessage, ServerResponse } from 'node:http'

export interface ApiError {
  status: number
  error: string
  message: string
}

/** A route's refusal: what the dispatcher sends as `{ error, message }` with `status`. */
export function problem(status: number, error: string, message: string): { problem: ApiError } {
  return { problem: { status, error, message } }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  response.end(text)
}

export function sendError(response: ServerResponse, problem: ApiError): void {
  sendJson(response, problem.status, { error: problem.error, message: problem.message })
}

export type BodyResult = { ok: true; body: unknown } | { ok: false; problem: ApiError }

const MAX_BODY_BYTES = 64 * 1024

/** Reads a JSON body; an empty body is `{}` (POST /api/boards needs nothing). */
export async function readJsonBody(request: IncomingMessage): Promise<BodyResult> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength
    if (size > MAX_BODY_BYTES) {
      return {
        ok: false,
        problem: {
          status: 413,
          error: 'body-too-large',
          message: `request body over ${MAX_BODY_BYTES} bytes`,
        },
      }
    }
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8').trim()
  if (text === '') return { ok: true, body: {} }
  try {
    return { ok: true, body: JSON.parse(text) }
  } catch {
    return {
      ok: false,
      problem: { status: 400, error: 'invalid-json', message: 'request body is not valid JSON' },
    }
  }
}
