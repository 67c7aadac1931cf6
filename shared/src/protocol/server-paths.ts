/**
 * The paths the sync server answers itself on its one port; every other path is the web app. The Vite
 * dev proxy forwards exactly these to the server, and the service worker never answers a navigation to
 * one of them with the app shell: both read this list (vite.config.ts), and a server test checks that
 * every HTTP route and socket path is under one of them, so a new route cannot be missed by either.
 *
 * No imports: vite.config.ts loads this file on its own, without the rest of the package.
 */
export type ServerPathPrefix = {
  /** A path is the server's when it is this or starts with this and a `/`. */
  readonly prefix: string
  /** Whether WebSocket upgrades arrive here (the dev proxy must forward them too). */
  readonly websocket: boolean
}

export const SERVER_PATH_PREFIXES: readonly ServerPathPrefix[] = [
  { prefix: '/api', websocket: false },
  { prefix: '/collab', websocket: true },
  { prefix: '/yjs', websocket: true },
  { prefix: '/healthz', websocket: false },
  { prefix: '/metrics', websocket: false },
  { prefix: '/config.json', websocket: false },
]

export function isServerPath(path: string): boolean {
  return SERVER_PATH_PREFIXES.some(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`))
}

/**
 * The prefix as a pattern over a path with its query (what Workbox matches a navigation's URL against):
 * the prefix, then `/`, `?` or the end.
 */
export function serverPathPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:[/?]|$)`)
}
