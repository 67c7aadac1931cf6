/**
 * Headers every HTTP response carries, and the two Content-Security-Policies.
 *
 * - `X-Content-Type-Options: nosniff`: a browser never runs a JSON body or an uploaded-looking file as
 *   script or style because its bytes look like one.
 * - `Referrer-Policy: no-referrer`: share links carry their token in the query string (`?token=…`), so
 *   the page's URL must never travel in a Referer header, not even to this origin's own requests; the
 *   app needs no referrer for anything.
 * - The app's policy (HTML and the scripts the app and its service worker run) allows only this origin,
 *   plus what tldraw needs: inline styles (it positions shapes with `style`), `data:`/`blob:` images and
 *   fonts (exports, pasted images, the SVG-to-PNG path), `blob:` workers, and `fetch` of `data:`/`blob:`
 *   URLs (tldraw fetches its self-hosted asset URLs, some of which the build inlines as `data:`).
 *   `connect-src 'self'` covers the same-origin WebSocket too (CSP Level 3 lets 'self' match ws:/wss:
 *   on the same host).
 *   `frame-ancestors 'none'`: no other site may frame the board (clickjacking a facilitator).
 * - Everything else (API JSON, errors, metrics) gets a policy that allows nothing: such a response is
 *   data, never a document, so framing it or running anything in it is never right.
 */
import type { ServerResponse } from 'node:http'

export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' data: blob:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

export const DATA_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"

/** Sets the headers every response carries; the static client overrides the CSP with the app's. */
export function setSecurityHeaders(response: ServerResponse): void {
  response.setHeader('X-Content-Type-Options', 'nosniff')
  response.setHeader('Referrer-Policy', 'no-referrer')
  response.setHeader('Content-Security-Policy', DATA_CONTENT_SECURITY_POLICY)
}
