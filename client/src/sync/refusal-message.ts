/**
 * The server's refusal of an update, as it arrives: a Hocuspocus stateless message
 * `{"type":"rejected","reason":string,"recordId":string|null}` sent to the sender only, after which
 * the server closes that connection (sync-server/src/protocol/refusal.ts). Anything else on the stateless channel is not ours.
 */
export interface RefusalMessage {
  readonly type: 'rejected'
  /** Why the update was refused, written for a person (e.g. "step shape:abc: props.status must be ..."). */
  readonly reason: string
  /** The record the refused update touched, or null when the whole update was refused (size, role). */
  readonly recordId: string | null
  /** The server's refusal code (`too-large`, `invalid-record`, …); null from a server that sends none. */
  readonly code: string | null
  /** For `too-large`: the largest message the server takes, in bytes; null when not said. */
  readonly limit: number | null
}

export function parseRefusalMessage(payload: string): RefusalMessage | null {
  let message: unknown
  try {
    message = JSON.parse(payload)
  } catch {
    return null
  }
  if (typeof message !== 'object' || message === null) return null
  const { type, reason, recordId, code, limit } = message as Record<string, unknown>
  if (type !== 'rejected') return null
  return {
    type,
    reason:
      typeof reason === 'string' && reason !== '' ? reason : 'the server refused the change without a reason',
    recordId: typeof recordId === 'string' ? recordId : null,
    code: typeof code === 'string' ? code : null,
    limit: typeof limit === 'number' && Number.isInteger(limit) && limit > 0 ? limit : null,
  }
}

/** A refusal as the user is shown it: the server's reason and what was rolled back on this device. */
export interface Refusal {
  readonly reason: string
  readonly recordId: string | null
  /** Ids of the records whose local changes were dropped (the refused one and any that no longer validate). */
  readonly rolledBack: string[]
  /** Set when the changes were refused only for their size and were sent again in this many parts. */
  readonly resentInParts?: number
  /**
   * Set when the server could not store the changes (storage-unavailable): they are all kept on this
   * device and sent again after this many ms.
   */
  readonly retryInMs?: number
}
