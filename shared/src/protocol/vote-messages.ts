/**
 * Dot voting's stateless messages (the envelope and its version check are stateless-envelope.ts).
 *
 * Client → server, each answered to its sender alone:
 *   vote-cast     {voteId, shapeId}  one more vote on a shape
 *   vote-withdraw {voteId, shapeId}  one vote on it taken back
 *   vote-mine     {voteId}           what are my votes? (after a reload or reconnect)
 *   vote-reveal   {voteId}           facilitators: tally, write the result into the board, close the vote
 * Server → client:
 *   vote-ballot   {voteId, shapeIds, votesLeft}  the receiver's own votes (one entry per vote), never anyone else's
 *   vote-progress {voteId, voters}               facilitators only: how many have voted, not where
 *   vote-refused  {voteId, reason}               a request refused; nothing changed
 * Unrevealed ballots travel only in vote-ballot, and only to their voter: that is the privacy guarantee.
 */
import {
  readStatelessEnvelope,
  type StatelessEnvelope,
  type StatelessParse,
  statelessProblem,
} from './stateless-envelope.ts'

export const VOTE_REQUEST_TYPES = ['vote-cast', 'vote-withdraw', 'vote-mine', 'vote-reveal'] as const
export type VoteRequestType = (typeof VOTE_REQUEST_TYPES)[number]

export type VoteRequest =
  | { type: 'vote-cast'; voteId: string; shapeId: string }
  | { type: 'vote-withdraw'; voteId: string; shapeId: string }
  | { type: 'vote-mine'; voteId: string }
  | { type: 'vote-reveal'; voteId: string }

export interface VoteBallotMessage {
  type: 'vote-ballot'
  version: number
  voteId: string
  shapeIds: string[]
  votesLeft: number
}

export interface VoteProgressMessage {
  type: 'vote-progress'
  version: number
  voteId: string
  voters: number
}

export interface VoteRefusedMessage {
  type: 'vote-refused'
  version: number
  /** null when the request was too malformed to name one */
  voteId: string | null
  reason: string
}

const MAX_ID_CHARS = 200
const MAX_SHAPES_IN_BALLOT = 100
const MAX_REASON_CHARS = 500

/** Every request type starts so: the server's voting extension reads these and leaves the rest alone. */
export function isVoteMessageType(type: string | null): boolean {
  return type?.startsWith('vote-') === true
}

/**
 * Reads a client's stateless text as a vote request. `null` when it is not one (another extension's
 * message, or not ours to judge); a problem when it claims to be a vote message and is malformed.
 */
export function parseVoteRequest(text: string): StatelessParse<VoteRequest> | null {
  const envelope = readStatelessEnvelope(text)
  if (!envelope.ok) return isVoteMessageType(envelope.type) ? envelope : null
  const { type, fields } = envelope.message
  if (!isVoteMessageType(type)) return null
  const known: readonly string[] = VOTE_REQUEST_TYPES
  if (!known.includes(type)) {
    return statelessProblem(
      type,
      `vote request type must be one of ${VOTE_REQUEST_TYPES.join('|')}, got "${type.slice(0, 40)}"`,
    )
  }
  const voteId = shortId(fields.voteId)
  if (voteId === null)
    return statelessProblem(type, `"${type}" needs a voteId (a string of 1–${MAX_ID_CHARS} characters)`)
  if (type === 'vote-mine' || type === 'vote-reveal') return { ok: true, message: { type, voteId } }
  const shapeId = shortId(fields.shapeId)
  if (shapeId === null)
    return statelessProblem(type, `"${type}" needs a shapeId (a string of 1–${MAX_ID_CHARS} characters)`)
  return {
    ok: true,
    message: { type: type === 'vote-cast' ? 'vote-cast' : 'vote-withdraw', voteId, shapeId },
  }
}

export function encodeVoteRequest(request: VoteRequest, version: number): string {
  return JSON.stringify({ ...request, version })
}

export function readVoteBallotMessage({ fields }: StatelessEnvelope): StatelessParse<VoteBallotMessage> {
  const { version, voteId, shapeIds, votesLeft } = fields
  const id = shortId(voteId)
  if (id === null) return statelessProblem('vote-ballot', 'vote-ballot needs a voteId')
  if (
    !Array.isArray(shapeIds) ||
    shapeIds.length > MAX_SHAPES_IN_BALLOT ||
    !shapeIds.every((shapeId) => shortId(shapeId) !== null)
  ) {
    return statelessProblem('vote-ballot', 'vote-ballot shapeIds must be a list of shape ids')
  }
  if (!isCount(votesLeft))
    return statelessProblem('vote-ballot', 'vote-ballot votesLeft must be a whole number')
  return {
    ok: true,
    message: {
      type: 'vote-ballot',
      version: version as number,
      voteId: id,
      shapeIds: shapeIds as string[],
      votesLeft,
    },
  }
}

export function readVoteProgressMessage({ fields }: StatelessEnvelope): StatelessParse<VoteProgressMessage> {
  const { version, voteId, voters } = fields
  const id = shortId(voteId)
  if (id === null || !isCount(voters)) {
    return statelessProblem('vote-progress', 'vote-progress must have a voteId and a whole number of voters')
  }
  return { ok: true, message: { type: 'vote-progress', version: version as number, voteId: id, voters } }
}

export function readVoteRefusedMessage({ fields }: StatelessEnvelope): StatelessParse<VoteRefusedMessage> {
  const { version, voteId, reason } = fields
  const id = voteId === null ? null : shortId(voteId)
  if (id === null && voteId !== null)
    return statelessProblem('vote-refused', 'vote-refused voteId must be a string or null')
  if (typeof reason !== 'string' || reason === '' || reason.length > MAX_REASON_CHARS) {
    return statelessProblem('vote-refused', 'vote-refused needs a reason')
  }
  return { ok: true, message: { type: 'vote-refused', version: version as number, voteId: id, reason } }
}

export function readMalformedVoteId(text: string): string | null {
  const envelope = readStatelessEnvelope(text)
  return envelope.ok ? shortId(envelope.message.fields.voteId) : null
}

function shortId(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_CHARS ? value : null
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}
