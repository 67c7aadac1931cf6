/**
 * Reading an HTTP response body the client got from the server: the body crosses the network, so it is
 * validated before use, and a body that does not fit is a value with the reason (the field and what was
 * wrong with it), never a half-read answer. Unknown fields are allowed, so a newer server can add some.
 */
import type { T } from '@tldraw/validate'

export type BodyRead<Body> = { ok: true; body: Body } | { ok: false; reason: string }

/** `what` names the answer for the person reading the reason, e.g. "the board list (GET /api/boards)". */
export function readBody<Body>(validator: T.Validatable<Body>, json: unknown, what: string): BodyRead<Body> {
  // Every body is an object; T.object would take an array for one and report its first field missing.
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, reason: `${what} is not a JSON object` }
  }
  try {
    return { ok: true, body: validator.validate(json) }
  } catch (error) {
    return {
      ok: false,
      reason: `${what} is malformed: ${error instanceof Error ? error.message : String(error)}`,
    }
  }
}
