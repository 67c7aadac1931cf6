/**
 * Serves the built client (client/dist) with SPA fallback: a path that is no file gets index.html, so
 * /b/<id> deep links work. Vite's hashed assets are cached forever; index.html and the service worker
 * must be revalidated every time or a deploy would never reach people.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { decodePathSegment } from './path-decoding.ts'
import { APP_CONTENT_SECURITY_POLICY } from './security-headers.ts'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

/** Vite names build output `name-<hash>.ext` with an 8+ character base64url-ish hash. */
const HASHED_NAME = /[-.][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/

export interface StaticClient {
  /** false when there is no built client (the API still works) */
  readonly available: boolean
  serve(request: IncomingMessage, response: ServerResponse, pathname: string): void
}

export function staticClient(clientDir: string | null): StaticClient {
  const root = clientDir === null ? null : resolve(clientDir)
  const index = root === null ? null : join(root, 'index.html')
  const available = index !== null && existsSync(index)
  return {
    available,
    serve(request, response, pathname) {
      if (!available || root === null || index === null) return
      const file = fileFor(root, pathname)
      if (file !== null) {
        sendFile(request, response, file, cacheControl(root, file))
        return
      }
      // Missing files with an extension are real 404s (a stale asset URL must not get HTML back).
      if (extname(pathname) !== '' && extname(pathname) !== '.html') {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
        response.end('Not found')
        return
      }
      sendFile(request, response, index, 'no-cache')
    },
  }
}

function fileFor(root: string, pathname: string): string | null {
  const decoded = decodePathSegment(pathname)
  if (decoded === null) return null
  const candidate = normalize(join(root, decoded))
  // Never serve outside the client folder (../ in the path).
  if (candidate !== root && !candidate.startsWith(root + sep)) return null
  try {
    const stat = statSync(candidate)
    if (stat.isFile()) return candidate
    if (stat.isDirectory()) {
      const nested = join(candidate, 'index.html')
      return existsSync(nested) ? nested : null
    }
  } catch {
    return null
  }
  return null
}

function cacheControl(root: string, file: string): string {
  const relative = file.slice(root.length + 1)
  if (relative.endsWith('.html') || /(^|\/)(sw|service-worker|registerSW)\.js$/.test(relative))
    return 'no-cache'
  if (relative.endsWith('.webmanifest')) return 'no-cache'
  if (HASHED_NAME.test(relative)) return 'public, max-age=31536000, immutable'
  return 'no-cache'
}

function sendFile(request: IncomingMessage, response: ServerResponse, file: string, cache: string): void {
  const stat = statSync(file)
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': cache,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': APP_CONTENT_SECURITY_POLICY,
  })
  if (request.method === 'HEAD') {
    response.end()
    return
  }
  createReadStream(file).pipe(response)
}
