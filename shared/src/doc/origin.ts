/**
 * Every change to a board's doc says where it came from, as the transaction origin. That is how undo
 * stays local (an UndoManager tracks only local origins) and how a remote change never echoes back
 * (the store binding ignores transactions it made itself). Client binding, server and tools share it.
 */
export const DOC_ORIGIN_SOURCES = [
  'local',
  'remote',
  'connection',
  'redis',
  'storage',
  'replay',
  'restore',
  'migration',
  'reset',
  // The server's shadow doc, where an incoming update is tried before the live doc takes it.
  'shadow',
  // A change the server writes itself (an anonymous reveal, a vote's tally), stored in history before it
  // reaches the live doc (sync-server's boards/server-write.ts).
  'server-write',
] as const
export type DocOriginSource = (typeof DOC_ORIGIN_SOURCES)[number]

export type DocOrigin = {
  source: DocOriginSource
  /** Tells apart origins of one source, e.g. the client ID of the store binding that wrote. */
  clientTag?: string
}

const sourceSet: ReadonlySet<unknown> = new Set(DOC_ORIGIN_SOURCES)

export function isDocOrigin(value: unknown): value is DocOrigin {
  if (typeof value !== 'object' || value === null) return false
  const { source, clientTag } = value as { source?: unknown; clientTag?: unknown }
  return sourceSet.has(source) && (clientTag === undefined || typeof clientTag === 'string')
}

/** Shared constants: Yjs compares origins by identity (UndoManager's trackedOrigins), so reuse these. */
export const localOrigin: DocOrigin = Object.freeze({ source: 'local' })
export const remoteOrigin: DocOrigin = Object.freeze({ source: 'remote' })
