/**
 * Attention: a facilitator points everyone's view at theirs. Three actions and their end:
 *   - `summon`: every participant's viewport jumps once to the facilitator's (the request carries it);
 *   - `follow`: every participant follows the facilitator's viewport until they move their own camera;
 *   - `take-control`: every participant follows, and their own camera moves do not end it, until
 *     `release` (or the facilitator's connection closes).
 *
 * The facilitator's client sends an `attention-request` on the stateless channel; the server checks the
 * connection's role (only a facilitator may) and sends everyone else on the board an `attention`
 * message naming the leader as the server knows them (the name from the token, not from the request).
 * A request the server does not act on is answered to its sender alone with `attention-refused` and the
 * reason. The server remembers a board's take-control, so whoever joins during it is sent it on connect.
 *
 * The leader is named by their presence person id (client/src/presence), which is what participants
 * follow: a share token's subject is not what a page publishes in awareness.
 */
import { PERSON_ID_PATTERN } from './local-identity.ts'
import {
  FLOWMAP_PROTOCOL_VERSION,
  readStatelessEnvelope,
  type StatelessEnvelope,
  type StatelessParse,
  statelessProblem,
} from './stateless-envelope.ts'

export const ATTENTION_REQUEST_TYPE = 'attention-request'
export const ATTENTION_MESSAGE_TYPE = 'attention'
export const ATTENTION_REFUSED_TYPE = 'attention-refused'

export const ATTENTION_ACTIONS = ['summon', 'follow', 'take-control', 'release'] as const

export type AttentionAction = (typeof ATTENTION_ACTIONS)[number]

/** A viewport in page coordinates on one page of the board. */
export interface AttentionViewport {
  readonly pageId: string
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/** What a facilitator's client sends. `viewport` is the facilitator's, for `summon` only (else null). */
export interface AttentionRequest {
  readonly type: typeof ATTENTION_REQUEST_TYPE
  readonly version: typeof FLOWMAP_PROTOCOL_VERSION
  readonly action: AttentionAction
  /** The facilitator's presence person id: whom participants follow. */
  readonly leaderPersonId: string
  readonly viewport: AttentionViewport | null
}

/** What everyone else on the board receives. */
export interface AttentionMessage {
  readonly type: typeof ATTENTION_MESSAGE_TYPE
  readonly version: typeof FLOWMAP_PROTOCOL_VERSION
  readonly action: AttentionAction
  readonly leader: { readonly personId: string; readonly name: string }
  readonly viewport: AttentionViewport | null
}

/** The answer to a request the server did not act on, to its sender alone. */
export interface AttentionRefusedMessage {
  readonly type: typeof ATTENTION_REFUSED_TYPE
  readonly version: typeof FLOWMAP_PROTOCOL_VERSION
  /** The request's action when it had a readable one. */
  readonly action: AttentionAction | null
  readonly reason: string
}

/** Longest leader name and page id an attention message carries (a name is at most 40 characters). */
const MAX_TEXT = 200

/** A viewport edge past this is no board a person made: a guard against absurd camera jumps. */
const MAX_COORDINATE = 1e9

export function attentionRequest(
  action: AttentionAction,
  leaderPersonId: string,
  viewport: AttentionViewport | null = null,
): AttentionRequest {
  return { type: ATTENTION_REQUEST_TYPE, version: FLOWMAP_PROTOCOL_VERSION, action, leaderPersonId, viewport }
}

export function attentionMessage(request: AttentionRequest, leaderName: string): AttentionMessage {
  return {
    type: ATTENTION_MESSAGE_TYPE,
    version: FLOWMAP_PROTOCOL_VERSION,
    action: request.action,
    leader: { personId: request.leaderPersonId, name: leaderName.slice(0, MAX_TEXT) },
    viewport: request.viewport,
  }
}

export function attentionRefusedMessage(
  action: AttentionAction | null,
  reason: string,
): AttentionRefusedMessage {
  return { type: ATTENTION_REFUSED_TYPE, version: FLOWMAP_PROTOCOL_VERSION, action, reason }
}

/**
 * Reads a stateless payload a client sent as an attention request. `type` in a problem is the payload's
 * own type, so a server with several readers knows whether the problem is its to answer.
 */
export function parseAttentionRequest(text: string): StatelessParse<AttentionRequest> {
  const envelope = readStatelessEnvelope(text)
  if (!envelope.ok) return envelope
  const { type, fields } = envelope.message
  if (type !== ATTENTION_REQUEST_TYPE) {
    return statelessProblem(type, `"${type}" message is not an attention request`)
  }
  const problem = (what: string) => statelessProblem(type, `attention request ${what}`)
  const action = fields.action
  if (!isAttentionAction(action)) {
    return problem(`action must be one of ${ATTENTION_ACTIONS.join('|')}, got ${describe(action)}`)
  }
  const leaderPersonId = fields.leaderPersonId
  if (typeof leaderPersonId !== 'string' || !PERSON_ID_PATTERN.test(leaderPersonId)) {
    return problem(
      `leaderPersonId must be a person id (${PERSON_ID_PATTERN}), got ${describe(leaderPersonId)}`,
    )
  }
  const viewport = readViewport(fields.viewport, action)
  if (typeof viewport === 'string') return problem(viewport)
  return { ok: true, message: attentionRequest(action, leaderPersonId, viewport) }
}

/** The fields of an `attention` message, once its envelope has been read. */
export function readAttentionMessage({ fields }: StatelessEnvelope): StatelessParse<AttentionMessage> {
  const problem = (what: string) => statelessProblem(ATTENTION_MESSAGE_TYPE, `attention message ${what}`)
  const { action, leader } = fields
  if (!isAttentionAction(action)) {
    return problem(`action must be one of ${ATTENTION_ACTIONS.join('|')}, got ${describe(action)}`)
  }
  if (typeof leader !== 'object' || leader === null) return problem('has no leader')
  const { personId, name } = leader as Record<string, unknown>
  if (typeof personId !== 'string' || !PERSON_ID_PATTERN.test(personId)) {
    return problem(`leader.personId must be a person id, got ${describe(personId)}`)
  }
  if (typeof name !== 'string' || name.length > MAX_TEXT) {
    return problem(`leader.name must be a string, got ${describe(name)}`)
  }
  const viewport = readViewport(fields.viewport, action)
  if (typeof viewport === 'string') return problem(viewport)
  return {
    ok: true,
    message: {
      type: ATTENTION_MESSAGE_TYPE,
      version: FLOWMAP_PROTOCOL_VERSION,
      action,
      leader: { personId, name },
      viewport,
    },
  }
}

/** The fields of an `attention-refused` message, once its envelope has been read. */
export function readAttentionRefusedMessage({
  fields,
}: StatelessEnvelope): StatelessParse<AttentionRefusedMessage> {
  const { action, reason } = fields
  if (action !== null && !isAttentionAction(action)) {
    return statelessProblem(ATTENTION_REFUSED_TYPE, `attention refusal action must be an action or null`)
  }
  if (typeof reason !== 'string' || reason === '') {
    return statelessProblem(ATTENTION_REFUSED_TYPE, 'attention refusal reason must be a non-empty string')
  }
  return { ok: true, message: attentionRefusedMessage(action, reason) }
}

export function isAttentionAction(value: unknown): value is AttentionAction {
  return typeof value === 'string' && (ATTENTION_ACTIONS as readonly string[]).includes(value)
}

/** A summon's viewport, null for the other actions, or what is wrong with it. */
function readViewport(value: unknown, action: AttentionAction): AttentionViewport | null | string {
  if (action !== 'summon') {
    return value === null || value === undefined ? null : `viewport is only sent with summon, not ${action}`
  }
  if (typeof value !== 'object' || value === null)
    return 'summon must carry the viewport {pageId, x, y, w, h}'
  const { pageId, x, y, w, h } = value as Record<string, unknown>
  if (typeof pageId !== 'string' || !pageId.startsWith('page:') || pageId.length > MAX_TEXT) {
    return `viewport.pageId must be a page id, got ${describe(pageId)}`
  }
  for (const [name, coordinate] of [
    ['x', x],
    ['y', y],
    ['w', w],
    ['h', h],
  ] as const) {
    if (
      typeof coordinate !== 'number' ||
      !Number.isFinite(coordinate) ||
      Math.abs(coordinate) > MAX_COORDINATE
    ) {
      return `viewport.${name} must be a number within ±${MAX_COORDINATE}, got ${describe(coordinate)}`
    }
  }
  if ((w as number) <= 0 || (h as number) <= 0) return 'viewport.w and viewport.h must be above 0'
  return { pageId, x: x as number, y: y as number, w: w as number, h: h as number }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = JSON.stringify(value) ?? String(value)
  return text.length <= 60 ? text : `${text.slice(0, 60)}…`
}
