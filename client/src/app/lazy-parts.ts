/**
 * The parts of the app a first visit does not need, each its own chunk: the file converters (bpmn-moddle,
 * the Mermaid parser, the layout), called from async handlers that report a failed load. (A panel that
 * renders while hidden must not be a lazy component: offline, before the service worker controls the
 * page, its chunk cannot load and the board would fail with it.) Opening a board downloads none of them; once the board is open and the page idle, `warmLazyParts` loads them in
 * the background, so that they are there when asked for, offline too (the service worker also caches every
 * chunk, but a page it does not control yet would have to fetch them).
 */

/** A loader that loads once; a failed load (offline, a new deploy) is tried again on the next call. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null
  return () => {
    if (loading === null) {
      loading = load().catch((error: unknown) => {
        loading = null
        throw error
      })
    }
    return loading
  }
}

export const loadFileConverters = loadOnce(() => import('@flowmap/shared/file-converters'))

const LAZY_PARTS: readonly (() => Promise<unknown>)[] = [loadFileConverters]

type IdleWindow = { requestIdleCallback?(callback: () => void, options?: { timeout: number }): number }

/**
 * Loads every lazy part, one at a time, each when the page is idle (or after `timeoutMs` at most).
 * Resolves once all were tried; a part that fails to load stays lazy and is tried again when used.
 */
export function warmLazyParts(timeoutMs = 2_000): Promise<void> {
  const idle = (): Promise<void> =>
    new Promise((resolve) => {
      const requestIdle = (globalThis as IdleWindow).requestIdleCallback
      if (requestIdle) requestIdle(() => resolve(), { timeout: timeoutMs })
      else setTimeout(resolve, 0)
    })
  return LAZY_PARTS.reduce<Promise<void>>(
    (previous, load) =>
      previous
        .then(idle)
        .then(load)
        .then(
          () => undefined,
          () => undefined,
        ),
    Promise.resolve(),
  )
}
