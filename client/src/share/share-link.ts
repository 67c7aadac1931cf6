/**
 * Reading a share link (`/b/<board>?token=<JWT>`) on the page, to say clearly what is wrong with it
 * before the server does: a token that is not one, one that has expired, one made for another board.
 * The server verifies the signature and enforces the role on every message; this only shapes the page.
 */
import { type BoardRole, boardIdOfPath, isBoardRole } from '@flowmap/shared'

export type ShareClaims = {
  readonly role: BoardRole
  readonly name: string | null
  /** Who the token was made for (the server's user id), null when it names nobody. */
  readonly sub: string | null
  /** The board id the token opens, or '*' for every board. */
  readonly board: string
  /** ms since epoch. */
  readonly expiresAt: number
}

export type ShareTokenCheck =
  | { readonly state: 'none' }
  | { readonly state: 'ok'; readonly claims: ShareClaims }
  | { readonly state: 'problem'; readonly kind: 'bad' | 'expired' | 'foreign'; readonly message: string }

/** The claims of a token, or why it cannot be one of ours. */
export function decodeShareToken(token: string): ShareClaims | string {
  const parts = token.split('.')
  if (parts.length !== 3 || !parts[1]) return 'it is not a share token (expected three dot-separated parts)'
  let claims: unknown
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/')
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) =>
      c.charCodeAt(0),
    )
    claims = JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    return 'its contents cannot be read (was the link cut short when it was copied?)'
  }
  if (typeof claims !== 'object' || claims === null) return 'its contents are not a set of claims'
  const { role, name, sub, board, exp } = claims as Record<string, unknown>
  if (!isBoardRole(role)) return `it grants no known role (got ${String(role)})`
  if (typeof board !== 'string' || board === '') return 'it names no board'
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return 'it has no expiry date'
  return {
    role,
    name: typeof name === 'string' && name.trim() !== '' ? name : null,
    sub: typeof sub === 'string' && sub !== '' ? sub : null,
    board,
    expiresAt: exp * 1000,
  }
}

export function checkShareToken(token: string | null, boardId: string, now: number): ShareTokenCheck {
  if (!token) return { state: 'none' }
  const claims = decodeShareToken(token)
  if (typeof claims === 'string')
    return {
      state: 'problem',
      kind: 'bad',
      message: `This link's token is not valid: ${claims}. Ask for a new link.`,
    }
  if (claims.expiresAt <= now) {
    return {
      state: 'problem',
      kind: 'expired',
      message: `This link expired on ${new Date(claims.expiresAt).toLocaleString()}. Ask whoever shared it for a new one.`,
    }
  }
  if (claims.board !== '*' && claims.board !== boardId) {
    return {
      state: 'problem',
      kind: 'foreign',
      message: `This link was made for another board (${claims.board}), not this one. Open the link exactly as it was shared.`,
    }
  }
  return { state: 'ok', claims }
}

/** A pasted share link: the board and token it carries, or why it is not a Flowmap board link. */
export function parseShareUrl(text: string): { boardId: string; token: string | null } | string {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return 'that is not a link (it should start with http:// or https://)'
  }
  const boardId = boardIdOfPath(url.pathname)
  if (boardId === null) return 'that link does not open a board (its path should be /b/<board id>)'
  return { boardId, token: url.searchParams.get('token') || null }
}
