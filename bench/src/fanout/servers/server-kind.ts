/**
 * The three servers the fan-out benchmark puts under the same load. Each runs alone in a child process
 * (server-process.ts), so the clients' CPU never shares an event loop with the server's.
 */
export const SERVER_KINDS = ['y-websocket', 'hocuspocus', 'flowmap'] as const
export type ServerKind = (typeof SERVER_KINDS)[number]

export const SERVER_TITLES: Record<ServerKind, string> = {
  'y-websocket': 'bare @y/websocket-server 0.1.1',
  hocuspocus: 'bare Hocuspocus 4 (no extensions)',
  flowmap: 'Flowmap sync-server',
}

export function isServerKind(value: unknown): value is ServerKind {
  return typeof value === 'string' && (SERVER_KINDS as readonly string[]).includes(value)
}

/** What a started server tells the harness: where clients connect, and how to stop it. */
export interface StartedServer {
  /** WebSocket base URL for the kind's own provider (y-websocket appends the room; Hocuspocus does not). */
  socketUrl: string
  close(): Promise<void>
}
