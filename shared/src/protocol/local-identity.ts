/**
 * Who a browser says it is, in local mode.
 *
 * With no auth secret the server has no token to trust, and everyone who can reach it is a facilitator
 * anyway: there is nothing a browser could gain by lying about who it is. So a browser declares its own
 * person (the stable id and the name it shows in presence) as its token, and the server names the
 * history entries it sends after that person instead of one "Local user" for everybody. That is all the
 * declaration does: it grants no role and opens no board.
 *
 * Rules both ends hold:
 * - The token is `flowmap-local:` followed by JSON `{"id": …, "name": …}`, at most `MAX_LOCAL_IDENTITY_TOKEN_LENGTH` characters.
 * - `id` matches `PERSON_ID_PATTERN`; `name` is at most `MAX_PERSON_NAME_LENGTH` characters and not blank.
 * - The user id the server records is `localModeUserId(id)`, in a namespace of its own (`local:…`): no
 *   declared id can equal the server's own stand-in ('server'), the shared 'local' user or a share
 *   link's subject (`u_…`).
 * - With an auth secret set, a declared identity is never read: the signed token's subject and name are
 *   the only identity, and a declaration counts as no token at all.
 */

/** A person's id as the client makes it (`p` + base 36) or a tool sets it: 6–64 URL-safe characters. */
export const PERSON_ID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/

/** Longest name a person may set (the people list and replay labels are sized for it). */
export const MAX_PERSON_NAME_LENGTH = 40

/** Longest declaration the server reads: an id and a name with room for JSON escapes, nothing more. */
export const MAX_LOCAL_IDENTITY_TOKEN_LENGTH = 512

const TOKEN_PREFIX = 'flowmap-local:'

/** The part of a person the server records: who, and the name to show. */
export type LocalIdentity = { readonly id: string; readonly name: string }

export type LocalIdentityRead = { ok: true; identity: LocalIdentity } | { ok: false; reason: string }

/** Whitespace and control characters collapsed to single spaces, trimmed and cut to the longest name. */
export function cleanPersonName(name: string): string {
  return name
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim()
    .slice(0, MAX_PERSON_NAME_LENGTH)
}

/** The token a browser sends in local mode to say who it is. */
export function localIdentityToken(identity: LocalIdentity): string {
  return `${TOKEN_PREFIX}${JSON.stringify({ id: identity.id, name: identity.name })}`
}

/** True for a local-mode declaration (well formed or not), as opposed to a share token or none. */
export function isLocalIdentityToken(token: string): boolean {
  return token.startsWith(TOKEN_PREFIX)
}

/** The user id history records for a person who declared `personId` in local mode. */
export function localModeUserId(personId: string): string {
  return `local:${personId}`
}

/** The declared identity in `token`, or why it cannot be used (the reason names the field at fault). */
export function readLocalIdentityToken(token: string): LocalIdentityRead {
  if (!isLocalIdentityToken(token)) return { ok: false, reason: `it does not start with "${TOKEN_PREFIX}"` }
  if (token.length > MAX_LOCAL_IDENTITY_TOKEN_LENGTH) {
    return {
      ok: false,
      reason: `it is ${token.length} characters long, more than ${MAX_LOCAL_IDENTITY_TOKEN_LENGTH}`,
    }
  }
  let claims: unknown
  try {
    claims = JSON.parse(token.slice(TOKEN_PREFIX.length))
  } catch {
    return { ok: false, reason: 'what follows the prefix is not JSON' }
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    return { ok: false, reason: 'it is not a JSON object like {"id": "p1a2b3c", "name": "Ada"}' }
  }
  const { id, name } = claims as Record<string, unknown>
  if (typeof id !== 'string' || !PERSON_ID_PATTERN.test(id)) {
    return { ok: false, reason: `id must be 6–64 letters, digits, _ or -, got ${describe(id)}` }
  }
  if (typeof name !== 'string' || name.length > MAX_PERSON_NAME_LENGTH) {
    return {
      ok: false,
      reason: `name must be a string of at most ${MAX_PERSON_NAME_LENGTH} characters, got ${describe(name)}`,
    }
  }
  const cleaned = cleanPersonName(name)
  if (cleaned === '') return { ok: false, reason: 'name is blank' }
  return { ok: true, identity: { id, name: cleaned } }
}

function describe(value: unknown): string {
  if (typeof value === 'string')
    return value.length > 24 ? `a string of ${value.length} characters` : JSON.stringify(value)
  return value === null ? 'null' : typeof value
}
