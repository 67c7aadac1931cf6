/**
 * Board ids: the Hocuspocus document name, a URL path segment (`/b/<id>`) and a storage key, so they stay
 * plain. The server makes them (12 base64url characters) and a device offline makes its own (16 base-36
 * characters); both ends check every id they are handed against this one rule.
 */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export function isBoardId(id: unknown): id is string {
  return typeof id === 'string' && BOARD_ID_PATTERN.test(id)
}

/** null when `id` is a valid board id, else why not (for the person who typed the link). */
export function boardIdProblem(id: string): string | null {
  if (BOARD_ID_PATTERN.test(id)) return null
  const shown = id.length > 80 ? `${id.slice(0, 80)}…` : id
  return `invalid board id "${shown}": use 1–64 characters of A–Z, a–z, 0–9, "_" and "-"`
}

/** The board id a `/b/<id>` path opens (one trailing slash allowed), or null. */
export function boardIdOfPath(pathname: string): string | null {
  const match = /^\/b\/([^/]+)\/?$/.exec(pathname)
  return match?.[1] !== undefined && isBoardId(match[1]) ? match[1] : null
}
