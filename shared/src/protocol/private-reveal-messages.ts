/**
 * The anonymous reveal of a private brainstorm (schema/workshop/private-mode.ts). Once the facilitator
 * has ended an anonymous session, each page sends the notes it kept for it in a `private-reveal`; the
 * server writes them into the board as a change of nobody's and answers that page alone with a
 * `private-reveal-answer` naming the notes now on the board, or why none were taken. A page whose
 * answer was lost sends the same notes again (same ids): notes already on the board count as taken.
 * Attributed sessions never use this: each page writes its own notes, so history names their author.
 */
import {
  FLOWMAP_PROTOCOL_VERSION,
  MAX_STATELESS_REQUEST_BYTES,
  readStatelessEnvelope,
  type StatelessEnvelope,
  type StatelessParse,
  statelessProblem,
} from './stateless-envelope.ts'

export const PRIVATE_REVEAL_TYPE = 'private-reveal'
export const PRIVATE_REVEAL_ANSWER_TYPE = 'private-reveal-answer'

/** Notes in one reveal message; a page with more sends several. */
export const MAX_REVEAL_NOTES_PER_MESSAGE = 50

/** page → server */
export interface PrivateReveal {
  readonly type: typeof PRIVATE_REVEAL_TYPE
  readonly version: typeof FLOWMAP_PROTOCOL_VERSION
  /** the session's `since` */
  readonly session: number
  /** note shape records, checked by the server as any record entering the board */
  readonly notes: readonly unknown[]
}

/** server → the page that sent the reveal */
export interface PrivateRevealAnswer {
  readonly type: typeof PRIVATE_REVEAL_ANSWER_TYPE
  readonly version: typeof FLOWMAP_PROTOCOL_VERSION
  readonly session: number
  /** ids of the notes now on the board (written now, or already) */
  readonly accepted: readonly string[]
  /** why the rest were not taken, for a person; null when all were */
  readonly refused: string | null
}

export function encodePrivateReveal(session: number, notes: readonly unknown[]): string {
  const message: PrivateReveal = {
    type: PRIVATE_REVEAL_TYPE,
    version: FLOWMAP_PROTOCOL_VERSION,
    session,
    notes,
  }
  return JSON.stringify(message)
}

/**
 * The reveal of `notes` as the messages a page sends: each carries the pages the notes sit on (the
 * server writes a page only when the board lacks it) and as many notes as fit under both the count
 * limit and the byte limit of a client's stateless payload, in order. A note too large for a message on
 * its own still goes alone (one record is far below the byte limit, so only a hostile page makes one).
 */
export function encodePrivateRevealMessages(
  session: number,
  pages: readonly unknown[],
  notes: readonly unknown[],
  limits: { maxBytes: number; maxNotes: number } = {
    maxBytes: MAX_STATELESS_REQUEST_BYTES,
    maxNotes: MAX_REVEAL_NOTES_PER_MESSAGE,
  },
): string[] {
  const perMessage = Math.max(1, limits.maxNotes - pages.length)
  const encoder = new TextEncoder()
  // The message without notes, then each note's JSON and a comma: an upper bound of the encoded size.
  const overhead = encoder.encode(encodePrivateReveal(session, pages)).byteLength
  const messages: string[] = []
  let part: unknown[] = []
  let size = overhead
  const flush = () => {
    if (part.length > 0) messages.push(encodePrivateReveal(session, [...pages, ...part]))
    part = []
    size = overhead
  }
  for (const note of notes) {
    const noteBytes = encoder.encode(JSON.stringify(note)).byteLength + 1
    if (part.length >= perMessage || (part.length > 0 && size + noteBytes > limits.maxBytes)) flush()
    part.push(note)
    size += noteBytes
  }
  flush()
  return messages
}

export function privateRevealAnswer(
  session: number,
  accepted: readonly string[],
  refused: string | null,
): PrivateRevealAnswer {
  return { type: PRIVATE_REVEAL_ANSWER_TYPE, version: FLOWMAP_PROTOCOL_VERSION, session, accepted, refused }
}

/** Reads a page's stateless payload as a reveal; any other message is a reason, not a reveal. */
export function parsePrivateReveal(text: string): StatelessParse<PrivateReveal> {
  const envelope = readStatelessEnvelope(text)
  if (!envelope.ok) return envelope
  const { type, fields } = envelope.message
  if (type !== PRIVATE_REVEAL_TYPE)
    return statelessProblem(type, `"${type.slice(0, 40)}" message is not a reveal`)
  const { session, notes } = fields
  if (!isSession(session))
    return statelessProblem(type, "reveal session must be the session's start time in ms")
  if (!Array.isArray(notes)) return statelessProblem(type, 'reveal notes must be a list of note records')
  if (notes.length > MAX_REVEAL_NOTES_PER_MESSAGE) {
    return statelessProblem(
      type,
      `a reveal carries at most ${MAX_REVEAL_NOTES_PER_MESSAGE} notes, got ${notes.length}: send them in parts`,
    )
  }
  return {
    ok: true,
    message: { type: PRIVATE_REVEAL_TYPE, version: FLOWMAP_PROTOCOL_VERSION, session, notes },
  }
}

/** The fields of an answer, once its envelope has been read (stateless-messages.ts). */
export function readPrivateRevealAnswer({ fields }: StatelessEnvelope): StatelessParse<PrivateRevealAnswer> {
  const { session, accepted, refused } = fields
  const problem = (what: string) => statelessProblem(PRIVATE_REVEAL_ANSWER_TYPE, `reveal answer ${what}`)
  if (!isSession(session)) return problem('session must be a time in ms')
  if (!Array.isArray(accepted) || !accepted.every((id) => typeof id === 'string')) {
    return problem('accepted must be a list of record ids')
  }
  if (refused !== null && typeof refused !== 'string') return problem('refused must be a reason or null')
  return { ok: true, message: privateRevealAnswer(session, accepted, refused) }
}

function isSession(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}
