/**
 * What the page says when a link cannot open a board on a server that requires share links: one
 * headline and one sentence with what to do, instead of the board with a banner, a connection error
 * and a chip that keeps saying "Syncing…". Known from the link itself before any connection when it
 * can be (none, damaged, expired, another board's), else from the server's refusal.
 */
import { readDeletedBoardReason } from '@flowmap/shared'
import { checkShareToken, decodeShareToken, type ShareClaims } from './share-link.ts'

export interface LinkProblem {
  /**
   * What is wrong: no token, one damaged, expired or for another board, one the server refused, this
   * person removed by a facilitator, or no link at all but the board: a facilitator deleted it.
   */
  readonly kind: 'none' | 'bad' | 'expired' | 'foreign' | 'refused' | 'removed' | 'deleted'
  readonly title: string
  readonly detail: string
}

const ASK = 'Ask the facilitator for a new one.'

/** On a server that requires links: why this link cannot open the board, or null when it may. */
export function linkProblemBeforeOpening(
  token: string | null,
  boardId: string,
  now: number,
): LinkProblem | null {
  const check = checkShareToken(token, boardId, now)
  switch (check.state) {
    case 'ok':
      return null
    case 'none':
      return {
        kind: 'none',
        title: 'This board needs a share link',
        detail: 'Open it through the link you were sent. Ask the facilitator for one if you have none.',
      }
    case 'problem':
      switch (check.kind) {
        case 'expired':
          return {
            kind: 'expired',
            title: 'This link is not valid any more',
            detail: `It expired on ${expiryOf(token)}. ${ASK}`,
          }
        case 'foreign':
          return {
            kind: 'foreign',
            title: 'This link is for another board',
            detail: `It was made for board ${boardOf(token)}. Open the link exactly as it was shared, or ask the facilitator for one to this board.`,
          }
        case 'bad':
          return {
            kind: 'bad',
            title: 'This link is not valid',
            detail: `It looks damaged or cut short (was all of it copied?). ${ASK}`,
          }
        default: {
          const unexpected: never = check.kind
          throw new Error(`unknown token problem ${String(unexpected)}`)
        }
      }
    default: {
      const unexpected: never = check
      throw new Error(`unknown token check ${JSON.stringify(unexpected)}`)
    }
  }
}

/**
 * The server refused the link (a token it did not sign, one revoked or expired since the page opened),
 * or the board behind it: a deleted board is no link's fault, and a new link would not open it either,
 * so the page says what happened and until when a facilitator can restore it.
 */
export function linkRefusedByServer(reason: string): LinkProblem {
  const deleted = readDeletedBoardReason(reason)
  if (deleted !== null) {
    return {
      kind: 'deleted',
      title: 'This board was deleted',
      detail: `“${deleted.name}” was deleted. A facilitator can restore it from the home page until ${dayOf(deleted.restorableUntil)}.`,
    }
  }
  return {
    kind: 'refused',
    title: 'This link is not valid any more',
    detail: `The server turned it down (${reason}). ${ASK}`,
  }
}

/** A facilitator removed this person from the board: the link (and this person) are refused from now on. */
export function removedFromBoard(): LinkProblem {
  return {
    kind: 'removed',
    title: 'You were removed from this board',
    detail: `A facilitator removed you, so this board and its link no longer open for you. If that was a mistake, ${ASK.toLowerCase()}`,
  }
}

/** A YYYY-MM-DD day (UTC) as this browser writes dates. */
export function dayOf(isoDay: string): string {
  const time = Date.parse(`${isoDay}T00:00:00Z`)
  return Number.isNaN(time)
    ? isoDay
    : new Date(time).toLocaleDateString(undefined, { dateStyle: 'long', timeZone: 'UTC' })
}

function claimsOf(token: string | null): ShareClaims | null {
  const claims = token ? decodeShareToken(token) : null
  return claims && typeof claims !== 'string' ? claims : null
}

function expiryOf(token: string | null): string {
  const expiresAt = claimsOf(token)?.expiresAt
  return expiresAt === undefined ? 'an earlier date' : new Date(expiresAt).toLocaleString()
}

function boardOf(token: string | null): string {
  return claimsOf(token)?.board ?? 'another board'
}
