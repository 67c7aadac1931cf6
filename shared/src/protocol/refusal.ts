/**
 * The refusal message (docs/architecture.md, step 8): the stateless message the sender of a refused
 * update receives, just before the server closes its connection to the board. The server builds it with
 * `refusalMessage`; the client reads it with `parseStatelessMessage` (stateless-messages.ts), tests and
 * tools with `parseRefusalMessage`. Both readers check every field, so a refusal is either the typed
 * message or a reason why it cannot be read.
 */
import {
  FLOWMAP_PROTOCOL_VERSION,
  readStatelessEnvelope,
  type StatelessEnvelope,
  type StatelessParse,
  statelessProblem,
} from './stateless-envelope.ts'

export const REFUSAL_MESSAGE_TYPE = 'rejected'

/** Why an update was refused; the union type is derived from it. */
export const REFUSAL_CODES = {
  /** A record the update creates or changes fails the @flowmap/shared schema. */
  invalidRecord: 'invalid-record',
  /** A role the update creates or changes fails the role validator. */
  invalidRole: 'invalid-role',
  /** The sender may only read this board (viewer). */
  readOnly: 'read-only',
  /** The message is larger than MAX_MESSAGE_BYTES. */
  tooLarge: 'too-large',
  /** The bytes are not a Yjs sync message or update. */
  malformed: 'malformed-message',
  /** The update could not be written to the history log, so it cannot be acknowledged. */
  storageUnavailable: 'storage-unavailable',
  /** The update changes the `board` map in a way its validator refuses (unknown key, bad value, newer schema). */
  invalidBoard: 'invalid-board',
  /** The update writes structs under a Yjs client ID that another writer owns. */
  foreignClientId: 'foreign-client-id',
  /** The update depends on structs the server does not have (it would stay pending). */
  missingDependency: 'missing-dependency',
  /** The sender is over a message or byte rate for longer than the burst allowance. */
  rateLimited: 'rate-limited',
  /**
   * The sender's role may not make this change: a field only facilitators write, a locked shape, a
   * participant toolset that excludes it. The reason says which.
   */
  notPermitted: 'not-permitted',
} as const

export type RefusalCode = (typeof REFUSAL_CODES)[keyof typeof REFUSAL_CODES]

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(REFUSAL_CODES))

export function isRefusalCode(value: unknown): value is RefusalCode {
  return typeof value === 'string' && KNOWN_CODES.has(value)
}

/** What a refusal says, before it is wrapped as a message. */
export interface Refusal {
  readonly code: RefusalCode
  /** What a person reads, e.g. "step shape:abc: props.status must be one of todo|doing|done|blocked, got 42". */
  readonly reason: string
  /** The record (or role) id the refusal is about; null when the whole update was refused (size, role). */
  readonly recordId: string | null
  /** For `too-large`: the largest message the server takes, in bytes, so the sender can send in parts. */
  readonly limit?: number
}

/** The stateless message the sender of a refused update receives before its connection closes. */
export interface RefusalMessage extends Refusal {
  readonly type: typeof REFUSAL_MESSAGE_TYPE
  readonly version: typeof FLOWMAP_PROTOCOL_VERSION
}

export function refusalMessage(refusal: Refusal): RefusalMessage {
  return {
    type: REFUSAL_MESSAGE_TYPE,
    version: FLOWMAP_PROTOCOL_VERSION,
    code: refusal.code,
    reason: refusal.reason,
    recordId: refusal.recordId,
    ...(refusal.limit === undefined ? {} : { limit: refusal.limit }),
  }
}

/** Reads a stateless payload that should be a refusal; any other message is a reason, not a refusal. */
export function parseRefusalMessage(text: string): StatelessParse<RefusalMessage> {
  const envelope = readStatelessEnvelope(text)
  if (!envelope.ok) return envelope
  if (envelope.message.type !== REFUSAL_MESSAGE_TYPE) {
    return statelessProblem(
      envelope.message.type,
      `"${envelope.message.type}" message is not a refusal ("${REFUSAL_MESSAGE_TYPE}")`,
    )
  }
  return readRefusalMessage(envelope.message)
}

/** The fields of a refusal, once its envelope (JSON, type, version) has been read. */
export function readRefusalMessage({ fields }: StatelessEnvelope): StatelessParse<RefusalMessage> {
  const { code, reason, recordId, limit } = fields
  const problem = (what: string) => statelessProblem(REFUSAL_MESSAGE_TYPE, `refusal ${what}`)
  if (!isRefusalCode(code)) {
    return problem(`code must be one of ${[...KNOWN_CODES].join('|')}, got ${describe(code)}`)
  }
  if (typeof reason !== 'string' || reason === '') {
    return problem(`reason must be a non-empty string, got ${describe(reason)}`)
  }
  if (recordId !== null && typeof recordId !== 'string') {
    return problem(`recordId must be a string or null, got ${describe(recordId)}`)
  }
  if (limit !== undefined && !(typeof limit === 'number' && Number.isSafeInteger(limit) && limit > 0)) {
    return problem(`limit must be a positive whole number of bytes, got ${describe(limit)}`)
  }
  return { ok: true, message: refusalMessage({ code, reason, recordId, limit }) }
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value)
}
