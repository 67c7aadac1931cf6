import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'
import { configDefaults, defineConfig } from 'vitest/config'
import { SERVER_PATH_PREFIXES, serverPathPattern } from './shared/src/protocol/server-paths.ts'

/** Where `pnpm dev` runs the sync server (scripts/dev.ts starts it on its default port). */
const DEV_SERVER = '127.0.0.1:1234'

// One config for the client build (root: client/, output: client/dist, served by the sync server)
// and for the vitest projects of every package. Playwright's e2e specs are not vitest tests.
export default defineConfig({
  root: 'client',
  plugins: [
    react(),
    // The offline app shell (the app opens with no network): a Workbox service worker precaching the
    // built app and tldraw's self-hosted fonts, icons and translations. Registered by
    // client/src/storage/register-service-worker.ts, hence no injected registration script.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      injectRegister: null,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff,woff2,ttf,json}'],
        // The app bundle (tldraw included) is ~2 MB, over Workbox's 2 MiB default.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        // Server routes are never answered with the app shell.
        navigateFallbackDenylist: SERVER_PATH_PREFIXES.map(({ prefix }) => serverPathPattern(prefix)),
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: {
    // Every path the sync server owns goes to it; the rest is Vite's.
    proxy: Object.fromEntries(
      SERVER_PATH_PREFIXES.map(({ prefix, websocket }) => [
        prefix,
        websocket ? { target: `ws://${DEV_SERVER}`, ws: true } : `http://${DEV_SERVER}`,
      ]),
    ),
  },
  test: {
    root: '.',
    // Vitest's default is one worker per core less one: one worker on CI's 2 cores. Most files wait on
    // sockets, SQLite and child processes, so two halve the run (measured: 2.5 min against 4.4 on the
    // 2-core machine, the slowest test at 14 s of its 30 s timeout).
    maxWorkers: 2,
    projects: [
      {
        extends: false,
        test: {
          name: 'shared',
          root: 'shared',
          include: ['src/**/*.test.ts'],
          exclude: [...configDefaults.exclude, '**/e2e/**'],
          environment: 'node',
          // Property tests run thousands of cases; on a loaded machine 5 s is not a bug, only a hang is.
          testTimeout: 30_000,
        },
      },
      {
        extends: false,
        test: {
          name: 'sync-server',
          root: 'sync-server',
          include: ['src/**/*.test.ts'],
          exclude: [...configDefaults.exclude, '**/e2e/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: false,
        test: {
          name: 'client',
          root: 'client',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, '**/e2e/**'],
          environment: 'node',
          // Several client tests run a real server and IndexedDB round trips, as the server's do.
          testTimeout: 30_000,
        },
      },
    ],
  },
})
