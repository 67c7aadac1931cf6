/**
 * Who is on a board, as the server knows them: the stateless messages it sends every connection when
 * someone joins or leaves or a facilitator changes someone's role, and the one it sends a person a
 * facilitator removed, just before it disconnects them.
 *
 * The people list is the only source of a person's role the page shows: awareness says what a browser
 * claims about itself (anyone can put "facilitator" there), while these ids, names and roles are the
 * ones the server verified at authentication and applies to every message. `you` names the receiving
 * connection's own entry, so a page learns its own verified role (a demotion reaches it this way).
 */
import { type BoardRole, isBoardRole } from './board-roles.ts'
import {
  FLOWMAP_PROTOCOL_VERSION,
  type StatelessEnvelope,
  type StatelessParse,
  statelessProblem,
} from './stateless-envelope.ts'

export const PEOPLE_MESSAGE_TYPE = 'people'
export const REMOVED_MESSAGE_TYPE = 'removed-from-board'

/**
 * Why the server turns a removed person away, on their open page and at every later attempt with the
 * same link or person: the client recognises it to show "you were removed" rather than "link not valid".
 */
export const REMOVED_FROM_BOARD_REASON = 'a facilitator removed you from this board'

/** At most this many people are listed; a board holds far fewer connections (see the connection limit). */
export const MAX_PEOPLE_LISTED = 1000

/** One person connected to the board (several connections of one person are one entry). */
export interface PersonOnBoard {
  /** the token's `sub`; in local mode `local:<declared person id>` */
  readonly userId: string
  readonly name: string
  /** the role the server enforces now: the token's, or a facilitator's override */
  readonly role: BoardRole
  /**
   * The Yjs awareness client IDs the person's connections publish presence under, as the server saw
   * them arrive on those connections: how a page ties a cursor, a colour and Follow to a verified person
   * without trusting what the awareness state says about who it is.
   */
  readonly clientIds: readonly number[]
}

export interface PeopleMessage {
  readonly type: typeof PEOPLE_MESSAGE_TYPE
  readonly version: typeof FLOWMAP_PROTOCOL_VERSION
  readonly people: readonly PersonOnBoard[]
  /** the receiving connection's own user id */
  readonly you: string
}

export interface RemovedMessage {
  readonly type: typeof REMOVED_MESSAGE_TYPE
  readonly version: typeof FLOWMAP_PROTOCOL_VERSION
  readonly reason: string
}

export function peopleMessage(people: readonly PersonOnBoard[], you: string): PeopleMessage {
  return { type: PEOPLE_MESSAGE_TYPE, version: FLOWMAP_PROTOCOL_VERSION, people, you }
}

export function removedMessage(reason: string = REMOVED_FROM_BOARD_REASON): RemovedMessage {
  return { type: REMOVED_MESSAGE_TYPE, version: FLOWMAP_PROTOCOL_VERSION, reason }
}

export function readPeopleMessage({ fields }: StatelessEnvelope): StatelessParse<PeopleMessage> {
  const { people, you } = fields
  const problem = (what: string) => statelessProblem(PEOPLE_MESSAGE_TYPE, `people list ${what}`)
  if (typeof you !== 'string' || you === '') return problem(`"you" must be a user id, got ${describe(you)}`)
  if (!Array.isArray(people) || people.length > MAX_PEOPLE_LISTED) {
    return problem(
      `"people" must be an array of at most ${MAX_PEOPLE_LISTED} people, got ${describe(people)}`,
    )
  }
  const read: PersonOnBoard[] = []
  for (const [index, person] of people.entries()) {
    const entry = readPerson(person)
    if (typeof entry === 'string') return problem(`person ${index}: ${entry}`)
    read.push(entry)
  }
  return { ok: true, message: peopleMessage(read, you) }
}

export function readRemovedMessage({ fields }: StatelessEnvelope): StatelessParse<RemovedMessage> {
  const { reason } = fields
  if (typeof reason !== 'string' || reason === '') {
    return statelessProblem(
      REMOVED_MESSAGE_TYPE,
      `removal reason must be a non-empty string, got ${describe(reason)}`,
    )
  }
  return { ok: true, message: removedMessage(reason) }
}

function readPerson(value: unknown): PersonOnBoard | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not an object'
  const { userId, name, role, clientIds } = value as Record<string, unknown>
  if (typeof userId !== 'string' || userId === '')
    return `userId must be a non-empty string, got ${describe(userId)}`
  if (typeof name !== 'string') return `name must be a string, got ${describe(name)}`
  if (!isBoardRole(role)) return `role must be a board role, got ${describe(role)}`
  if (!Array.isArray(clientIds) || !clientIds.every((id) => Number.isSafeInteger(id) && id >= 0)) {
    return `clientIds must be a list of Yjs client IDs, got ${describe(clientIds)}`
  }
  return { userId, name, role, clientIds }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = JSON.stringify(value)
  return text.length <= 60 ? text : `${text.slice(0, 60)}…`
}
