/**
 * Every WebSocket close the server initiates, as named `{ code, reason }` constants in one table (the
 * style of @hocuspocus/common's CloseEvents, whose constants are re-exported here rather than copied).
 * 4000–4999 are the application's range; a provider sees only the reason (Hocuspocus's own close
 * message carries no code), a plain WebSocket or y-websocket client sees both.
 *
 * A close reason is at most 123 bytes: `closeReason()` cuts a longer one.
 */
import type { CloseEvent } from '@hocuspocus/common'

export {
  ConnectionTimeout,
  Forbidden,
  MessageTooBig,
  ResetConnection,
  Unauthorized,
} from '@hocuspocus/common'
export type { CloseEvent }

export const FLOWMAP_CLOSE = {
  /** A frame that is not a message of the socket's protocol (undecodable, empty, truncated). */
  malformedMessage: { code: 4400, reason: 'flowmap: malformed message' },
  /** The token was refused (y-websocket bridge; Hocuspocus clients get a permission-denied message). */
  permissionDenied: { code: 4401, reason: 'flowmap: permission denied' },
  /** The socket did not authenticate within the auth timeout. */
  authTimeout: { code: 4408, reason: 'flowmap: no authentication in time' },
  /** An update was refused (the refusal protocol); the reason names the refusal code. */
  updateRefused: { code: 4422, reason: 'flowmap: update refused' },
  /** Over a rate or size limit for longer than the burst allowance. */
  rateLimited: { code: 4429, reason: 'flowmap: too many messages' },
  /** Too many open sockets (per address or per board). */
  tooManyConnections: { code: 4430, reason: 'flowmap: too many connections' },
  /** An awareness (presence) message over a limit: a state too large, or too many clients per connection. */
  awarenessRefused: { code: 4413, reason: 'flowmap: awareness refused' },
  /** Storage cannot take writes; the client should try again later. */
  storageUnavailable: { code: 4503, reason: 'flowmap: storage unavailable' },
  /** A facilitator deleted the board; a reconnect is refused with the date it can be restored until. */
  boardDeleted: { code: 4410, reason: 'flowmap: board deleted' },
  /** A facilitator removed the person from the board; a reconnect is refused with the same reason. */
  removed: { code: 4403, reason: 'flowmap: removed from the board' },
  /** The server is shutting down. */
  goingAway: { code: 1001, reason: 'server shutting down' },
} as const satisfies Record<string, CloseEvent>

export type FlowmapCloseName = keyof typeof FLOWMAP_CLOSE

/** A close reason cut to the 123 bytes a WebSocket close frame can carry, on a character boundary. */
export function closeReason(reason: string): string {
  const bytes = Buffer.from(reason)
  if (bytes.byteLength <= 123) return reason
  let end = 123
  // Step back over UTF-8 continuation bytes so the cut never splits a character.
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--
  return bytes.subarray(0, end).toString()
}
