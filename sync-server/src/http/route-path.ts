/**
 * A route's path pattern against a request path: literal segments match themselves, `:boardId` one
 * non-empty segment (percent-decoded). Paths under /api also answer with one trailing `/`, as they
 * always have; the operational paths (/healthz …) are exact.
 */
import { decodePathSegment } from './path-decoding.ts'

export type PathMatch = { boardId: string | null }

export type PathMatcher = (path: string) => PathMatch | null

const BOARD_ID_SEGMENT = ':boardId'

export function pathMatcher(pattern: string): PathMatcher {
  const source = pattern
    .split('/')
    .map((segment) => (segment === BOARD_ID_SEGMENT ? '([^/]+)' : escapeRegExp(segment)))
    .join('/')
  const trailingSlash = pattern.startsWith('/api/') ? '/?' : ''
  const regex = new RegExp(`^${source}${trailingSlash}$`)
  const namesBoard = pattern.split('/').includes(BOARD_ID_SEGMENT)
  return (path) => {
    const found = regex.exec(path)
    if (found === null) return null
    if (!namesBoard) return { boardId: null }
    // The whole path was checked to decode (path-decoding.ts), so this is never null in practice.
    const boardId = decodePathSegment(found[1]!)
    return boardId === null ? null : { boardId }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
