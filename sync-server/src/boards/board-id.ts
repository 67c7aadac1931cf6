/** Board ids are the Hocuspocus document name, a URL path segment and a SQLite key: keep them plain. */
import { randomBytes } from 'node:crypto'

export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/** null when `id` is a valid board id, else why not (for the person who typed the link). */
export function boardIdProblem(id: string): string | null {
  if (BOARD_ID_PATTERN.test(id)) return null
  const shown = id.length > 80 ? `${id.slice(0, 80)}…` : id
  return `invalid board id "${shown}": use 1–64 characters of A–Z, a–z, 0–9, "_" and "-"`
}

/** 12 characters of base64url: 72 random bits, unguessable enough to share a link by. */
export function newBoardId(): string {
  return randomBytes(9).toString('base64url')
}
