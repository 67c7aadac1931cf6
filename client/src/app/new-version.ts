/**
 * A new version of the app taking over (the service worker skips waiting and claims open pages).
 *
 * A page served by an older worker sees its controller change once the new worker has precached the
 * new build. If nobody has touched the page yet (the usual case: it is the load right after a deploy),
 * it reloads at once, so that load ends on the new version; otherwise it says a new version is ready
 * and leaves the reload to the person (their board is safe in Dexie and on the server either way).
 */

export type NewVersionAction = 'reloaded' | 'offered'

export interface NewVersionWatch {
  /** Whether the page was interacted with (a key or pointer press) since it loaded. */
  touched(): boolean
  reload(): void
  /** Shows the "new version ready" offer. */
  offer(): void
}

/**
 * Watches `container` (navigator.serviceWorker) for a new version replacing the one that serves this
 * page. The first worker claiming a page that had none (a first visit) is no new version: the page
 * already runs that build.
 */
export function watchForNewVersion(
  container: Pick<ServiceWorkerContainer, 'controller' | 'addEventListener'>,
  watch: NewVersionWatch,
): void {
  let controlled = container.controller !== null
  let handled = false
  container.addEventListener('controllerchange', () => {
    if (!controlled) {
      controlled = true
      return
    }
    if (handled) return
    handled = true
    if (watch.touched()) watch.offer()
    else watch.reload()
  })
}

/** Whether the person has pressed a key or a pointer on the page since this was called. */
export function trackFirstInteraction(target: Pick<Window, 'addEventListener'>): () => boolean {
  let touched = false
  const mark = () => {
    touched = true
  }
  target.addEventListener('pointerdown', mark, { capture: true, once: true })
  target.addEventListener('keydown', mark, { capture: true, once: true })
  return () => touched
}

/** The "new version ready" offer: set once, read by the banner (useSyncExternalStore). */
export interface NewVersionOffer {
  isReady(): boolean
  subscribe(listener: () => void): () => void
  show(): void
}

export function createNewVersionOffer(): NewVersionOffer {
  const listeners = new Set<() => void>()
  let ready = false
  return {
    isReady: () => ready,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    show() {
      ready = true
      for (const listener of listeners) listener()
    },
  }
}
