/**
 * The clock exchange a page uses to estimate the server's clock (workshop/clock-offset.ts): the page
 * sends a `clock-request` on the stateless channel, the server answers that page alone with a
 * `clock-answer` carrying the request's id and its own time. Stateless on both sides: the server keeps
 * nothing, and the page matches an answer to the request it sent by id.
 */
import {
  FLOWMAP_PROTOCOL_VERSION,
  readStatelessEnvelope,
  type StatelessEnvelope,
  type StatelessParse,
  statelessProblem,
} from './stateless-envelope.ts'

export const CLOCK_REQUEST_TYPE = 'clock-request'
export const CLOCK_ANSWER_TYPE = 'clock-answer'

/** page → server */
export interface ClockRequest {
  readonly type: typeof CLOCK_REQUEST_TYPE
  readonly version: typeof FLOWMAP_PROTOCOL_VERSION
  /** the page's number for this request, echoed in the answer */
  readonly id: number
}

/** server → the page that asked */
export interface ClockAnswer {
  readonly type: typeof CLOCK_ANSWER_TYPE
  readonly version: typeof FLOWMAP_PROTOCOL_VERSION
  readonly id: number
  /** the server's clock when it answered, ms since 1970 */
  readonly serverTime: number
}

export function clockRequest(id: number): ClockRequest {
  return { type: CLOCK_REQUEST_TYPE, version: FLOWMAP_PROTOCOL_VERSION, id }
}

/** The request as the page sends it on the stateless channel. */
export function encodeClockRequest(id: number): string {
  return JSON.stringify(clockRequest(id))
}

export function clockAnswer(id: number, serverTime: number): ClockAnswer {
  return { type: CLOCK_ANSWER_TYPE, version: FLOWMAP_PROTOCOL_VERSION, id, serverTime }
}

/** Reads a page's stateless payload as a clock request; any other message is a reason, not a request. */
export function parseClockRequest(text: string): StatelessParse<ClockRequest> {
  const envelope = readStatelessEnvelope(text)
  if (!envelope.ok) return envelope
  const { type, fields } = envelope.message
  if (type !== CLOCK_REQUEST_TYPE) {
    return statelessProblem(type, `"${type.slice(0, 40)}" message is not a clock request`)
  }
  if (!isRequestId(fields.id)) {
    return statelessProblem(type, `clock request id must be a whole number ≥ 0, got ${describe(fields.id)}`)
  }
  return { ok: true, message: clockRequest(fields.id) }
}

/** The fields of a clock answer, once its envelope has been read (stateless-messages.ts). */
export function readClockAnswer({ fields }: StatelessEnvelope): StatelessParse<ClockAnswer> {
  const { id, serverTime } = fields
  if (!isRequestId(id)) {
    return statelessProblem(
      CLOCK_ANSWER_TYPE,
      `clock answer id must be a whole number ≥ 0, got ${describe(id)}`,
    )
  }
  if (typeof serverTime !== 'number' || !Number.isFinite(serverTime) || serverTime < 0) {
    return statelessProblem(
      CLOCK_ANSWER_TYPE,
      `clock answer serverTime must be a time in ms, got ${describe(serverTime)}`,
    )
  }
  return { ok: true, message: clockAnswer(id, serverTime) }
}

function isRequestId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

function describe(value: unknown): string {
  return (JSON.stringify(value) ?? String(value)).slice(0, 40)
}
