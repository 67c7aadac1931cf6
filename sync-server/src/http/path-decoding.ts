/**
 * Percent-decoding of request paths. `decodeURIComponent` throws a URIError on a malformed escape
 * (`%zz`, a lone `%E2`), which used to escape the routes as a 500; here a bad path is a 400 that says
 * what is wrong, answered before any route runs.
 */
import type { ApiError } from './json-response.ts'

/** The decoded segment, or null when its percent-encoding is malformed. */
export function decodePathSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

/**
 * The request's pathname, or the 400 to answer. A path decodes as a whole exactly when each of its
 * segments does (an escape never spans a `/`), so once this passes no segment can fail later.
 */
export function requestPath(rawUrl: string): { path: string; url: URL } | { problem: ApiError } {
  const url = URL.parse(rawUrl, 'http://flowmap.invalid')
  if (url === null) return { problem: badPath(`the request target "${shorten(rawUrl)}" is not a URL`) }
  if (decodePathSegment(url.pathname) === null) {
    return {
      problem: badPath(
        `the path "${shorten(url.pathname)}" has a malformed percent-encoding (each % must start an escape like %2F)`,
      ),
    }
  }
  return { path: url.pathname, url }
}

function badPath(message: string): ApiError {
  return { status: 400, error: 'bad-path', message }
}

function shorten(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text
}
