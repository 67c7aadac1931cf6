/**
 * A route's path pattern against a request path: literal segments match themselves, `:boardId` (or any
 * other `:name`, handed to the route in `params`) one non-empty segment (percent-decoded). Paths under /api also answer with one trailing `/`, as they
 * always have; the operational paths (/healthz …) are exact.
 */
import { decodePathSegment } from './path-decoding.ts'

export type PathMatch = { boardId: string | null; params: Readonly<Record<string, string>> }

export type PathMatcher = (path: string) => PathMatch | null

const BOARD_ID_SEGMENT = ':boardId'

export function pathMatcher(pattern: string): PathMatcher {
  const names: string[] = []
  const source = pattern
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return escapeRegExp(segment)
      names.push(segment.slice(1))
      return '([^/]+)'
    })
    .join('/')
  const trailingSlash = pattern.startsWith('/api/') ? '/?' : ''
  const regex = new RegExp(`^${source}${trailingSlash}$`)
  return (path) => {
    const found = regex.exec(path)
    if (found === null) return null
    const params: Record<string, string> = {}
    for (const [index, name] of names.entries()) {
      // The whole path was checked to decode (path-decoding.ts), so this is never null in practice.
      const value = decodePathSegment(found[index + 1]!)
      if (value === null) return null
      params[name] = value
    }
    return { boardId: params[BOARD_ID_SEGMENT.slice(1)] ?? null, params }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
