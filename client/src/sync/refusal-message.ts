/**
 * The server's refusal of an update, as it arrives: a Hocuspocus stateless message
 * `{"type":"rejected","reason":string,"recordId":string|null}` sent to the sender only, after which
 * the server closes that connection (contracts.md). Anything else on the stateless channel is not ours.
 */
export interface RefusalMessage {
  readonly type: 'rejected'
  /** Why the update was refused, written for a person (e.g. "step shape:abc: props.status must be ..."). */
  readonly reason: string
  /** The record the refused update touched, or null when the whole update was refused (size, role). */
  readonly recordId: string | null
}

export function parseRefusalMessage(payload: string): RefusalMessage | null {
  let message: unknown
  try {
    message = JSON.parse(payload)
  } catch {
    return null
  }
  if (typeof message !== 'object' || message === null) return null
  const { type, reason, recordId } = message as Record<string, unknown>
  if (type !== 'rejected') return null
  return {
    type,
    reason:
      typeof reason === 'string' && reason !== '' ? reason : 'the server refused the change without a reason',
    recordId: typeof recordId === 'string' ? recordId : null,
  }
}

/** A refusal as the user is shown it: the server's reason and what was rolled back on this device. */
export interface Refusal {
  readonly reason: string
  readonly recordId: string | null
  /** Ids of the records whose local changes were dropped (the refused one and any that no longer validate). */
  readonly rolledBack: string[]
}
