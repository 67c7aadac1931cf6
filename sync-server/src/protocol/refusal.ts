/**
 * The refusal protocol, server side (docs/architecture.md, step 8).
 *
 * A refused update must never reach the live document, yet the sender's provider keeps it and would
 * send it again forever. So the server (1) tells the sender why, in a stateless message the client
 * understands, and (2) closes that sender's connection to the board, which is the only way a Hocuspocus
 * `beforeHandleMessage` hook can stop the message: it throws, and Hocuspocus closes with the thrown
 * `{ code, reason }` (the provider sees code 1000 but keeps the reason). The client then resets its doc
 * from the server state.
 */
import type { CloseEvent } from '@hocuspocus/common'
import { FLOWMAP_CLOSE } from './close-codes.ts'

/** Bumped when a stateless message changes shape. */
export const FLOWMAP_PROTOCOL_VERSION = 1

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
} as const

export type RefusalCode = (typeof REFUSAL_CODES)[keyof typeof REFUSAL_CODES]

export interface Refusal {
  code: RefusalCode
  /** What a person reads, e.g. "step shape:abc: props.status must be one of todo|doing|done|blocked, got 42". */
  reason: string
  /** The record (or role) id the refusal is about, when there is one. */
  recordId: string | null
  /** For `too-large`: the largest message the server takes, so the sender can send its changes in parts. */
  limit?: number
}

/** The stateless message the sender of a refused update receives before its connection closes. */
export interface RejectedMessage {
  type: 'rejected'
  version: typeof FLOWMAP_PROTOCOL_VERSION
  code: RefusalCode
  reason: string
  recordId: string | null
  /** Present for `too-large`: the largest message the server takes, in bytes. */
  limit?: number
}

/** The close that follows a refusal (protocol/close-codes.ts holds every close code). */
export const UpdateRefused: CloseEvent = FLOWMAP_CLOSE.updateRefused

export function rejectedMessage(refusal: Refusal): RejectedMessage {
  return {
    type: 'rejected',
    version: FLOWMAP_PROTOCOL_VERSION,
    code: refusal.code,
    reason: refusal.reason,
    recordId: refusal.recordId,
    ...(refusal.limit === undefined ? {} : { limit: refusal.limit }),
  }
}

/** Parses a stateless payload; `null` when it is not a rejection (tests and tools use this). */
export function parseRejectedMessage(payload: string): RejectedMessage | null {
  try {
    const value: unknown = JSON.parse(payload)
    if (typeof value !== 'object' || value === null) return null
    const message = value as Partial<RejectedMessage>
    if (message.type !== 'rejected' || typeof message.reason !== 'string') return null
    return {
      type: 'rejected',
      version: FLOWMAP_PROTOCOL_VERSION,
      code: message.code ?? REFUSAL_CODES.malformed,
      reason: message.reason,
      recordId: typeof message.recordId === 'string' ? message.recordId : null,
      ...(typeof message.limit === 'number' ? { limit: message.limit } : {}),
    }
  } catch {
    return null
  }
}

/** The error a hook throws to make Hocuspocus close the sender's connection (the only way it offers). */
export class RefusedUpdateError extends Error {
  readonly code = UpdateRefused.code
  readonly reason: string
  readonly refusal: Refusal

  constructor(refusal: Refusal) {
    // No message on purpose: Hocuspocus's hook runner prints `error.message` once per extension left in
    // the chain. The refusal is logged once, by the refuser, with board and user.
    super()
    this.refusal = refusal
    this.reason = `${UpdateRefused.reason}: ${refusal.code}`
  }
}
