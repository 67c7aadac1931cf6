/**
 * Registers the service worker that vite-plugin-pwa generates at build time (root vite.config.ts):
 * it precaches the app shell and tldraw's self-hosted fonts, icons and translations, so a reload with
 * no network still starts the app, which then opens the board from Dexie.
 *
 * The worker skips waiting and claims clients (registerType 'autoUpdate'): a new version takes over on
 * the next load without asking; app/new-version.ts reloads an untouched page onto it, and never reloads a
 * page under someone's hands (it offers the reload instead).
 */
import { Workbox } from 'workbox-window'

export const SERVICE_WORKER_URL = '/sw.js'

export interface ServiceWorkerRegistrationResult {
  readonly registered: boolean
  /** Why it was not registered, for the console; the app works online without a worker. */
  readonly problem: string | null
}

export async function registerServiceWorker(): Promise<ServiceWorkerRegistrationResult> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) {
    return {
      registered: false,
      problem: 'this browser has no service workers: reloading offline will not work',
    }
  }
  try {
    await new Workbox(SERVICE_WORKER_URL, { scope: '/' }).register()
    return { registered: true, problem: null }
  } catch (error) {
    // The dev server (vite) has no generated worker; a build served by the sync server has one.
    const reason = error instanceof Error ? error.message : String(error)
    console.info(`Flowmap: no service worker (${reason}); the app will not open offline after a reload.`)
    return { registered: false, problem: reason }
  }
}
