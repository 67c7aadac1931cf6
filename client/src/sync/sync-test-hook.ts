/**
 * The sync layer's keys of `window.__flowmap`, the page's test and debugging hook (docs/architecture.md, contracts): doc,
 * provider, dropSocket(), forceRawUpdate(update), boardId. The UI sets `editor` on the same object;
 * each side sets only its own keys. doc and provider are getters, so they stay current across a
 * refusal reset, which replaces both.
 */
import type { BoardSession } from './board-session.ts'

type HookHost = { __flowmap?: Record<string, unknown> }

const SYNC_KEYS = ['doc', 'provider', 'dropSocket', 'forceRawUpdate', 'boardId'] as const

export function exposeBoardSession(session: BoardSession, boardId: string): () => void {
  if (typeof window === 'undefined') return () => {}
  const host = window as unknown as HookHost
  host.__flowmap ??= {}
  const hook = host.__flowmap
  Object.defineProperties(hook, {
    doc: { get: () => session.getState().doc, configurable: true, enumerable: true },
    provider: { get: () => session.getState().provider, configurable: true, enumerable: true },
    dropSocket: { value: () => session.dropSocket(), configurable: true, enumerable: true, writable: true },
    forceRawUpdate: {
      value: (update: Uint8Array) => session.forceRawUpdate(update),
      configurable: true,
      enumerable: true,
      writable: true,
    },
    boardId: { value: boardId, configurable: true, enumerable: true, writable: true },
  })
  return () => {
    // Only if a later session has not taken the hook over (React StrictMode mounts twice).
    if (host.__flowmap !== hook || hook.boardId !== boardId) return
    for (const key of SYNC_KEYS) delete hook[key]
  }
}
