/**
 * The envelope every Flowmap stateless message shares. Hocuspocus's stateless channel carries one string
 * per message; ours is a JSON object `{"type": <message type>, "version": FLOWMAP_PROTOCOL_VERSION, …}`.
 *
 * The version is checked before any other field is read: a message of another version may mean something
 * else by the same field, so it is not guessed at. Which message types exist, and their fields, is
 * stateless-messages.ts.
 */

/** Bumped when a stateless message changes shape; both ends refuse a message of another version. */
export const FLOWMAP_PROTOCOL_VERSION = 1

/** The outcome of reading a stateless message: the typed message, or why it is not one this end reads. */
export type StatelessParse<Message> =
  | { readonly ok: true; readonly message: Message }
  | {
      readonly ok: false
      /** The message's `type` when it had one, so a reader knows what it could not read. */
      readonly type: string | null
      readonly reason: string
    }

/** A message's type and its fields, once it is known to be a JSON object of this protocol version. */
export interface StatelessEnvelope {
  readonly type: string
  readonly fields: Readonly<Record<string, unknown>>
}

export function readStatelessEnvelope(text: string): StatelessParse<StatelessEnvelope> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return statelessProblem(null, `stateless message is not JSON: ${preview(text)}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return statelessProblem(null, `stateless message must be a JSON object, got ${preview(text)}`)
  }
  const fields = value as Record<string, unknown>
  const { type, version } = fields
  if (typeof type !== 'string' || type === '') {
    return statelessProblem(null, `stateless message has no type, got ${preview(text)}`)
  }
  if (version !== FLOWMAP_PROTOCOL_VERSION) {
    const said = version === undefined ? 'no protocol version' : `protocol version ${String(version)}`
    return statelessProblem(
      type,
      `"${type}" message has ${said}, this end speaks version ${FLOWMAP_PROTOCOL_VERSION} (server and client are of different builds)`,
    )
  }
  return { ok: true, message: { type, fields } }
}

export function statelessProblem(type: string | null, reason: string): StatelessParse<never> {
  return { ok: false, type, reason }
}

/** Enough of a payload to recognise it in a reason, never the whole of a large one. */
function preview(text: string): string {
  return text.length <= 60 ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, 60))}…`
}

/**
 * The largest stateless payload a client may send, in bytes (the server's frame guard closes a socket
 * that sends more). Commands are a few hundred bytes; the largest honest payload is an anonymous
 * private-mode reveal, which a client splits so that each message stays under this, and which must fit
 * at least one note of the largest record (MAX_RECORD_CHARS characters, at most 3 bytes each in UTF-8).
 */
export const MAX_STATELESS_REQUEST_BYTES = 1024 * 1024
