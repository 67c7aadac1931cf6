import react from '@vitejs/plugin-react'
import { configDefaults, defineConfig } from 'vitest/config'

// One config for the client build (root: client/, output: client/dist, served by the sync server)
// and for the vitest projects of every package. Playwright's e2e specs are not vitest tests.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:1234',
      '/config.json': 'http://127.0.0.1:1234',
      '/healthz': 'http://127.0.0.1:1234',
      '/collab': { target: 'ws://127.0.0.1:1234', ws: true },
    },
  },
  test: {
    root: '.',
    projects: [
      {
        extends: false,
        test: {
          name: 'shared',
          root: 'shared',
          include: ['src/**/*.test.ts'],
          exclude: [...configDefaults.exclude, '**/e2e/**'],
          environment: 'node',
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
        },
      },
    ],
  },
})
