import { defineConfig } from '@playwright/test'
import { CHROMIUM_LAUNCH_OPTIONS } from './chromium-launch.ts'

/**
 * Playwright runs Debian's Chromium (see chromium-launch.ts). Each spec starts its own
 * real server on a free port with a temp DATA_DIR (see fixtures), so specs never share state.
 */
export default defineConfig({
  testDir: '.',
  // Builds client/dist once when it is missing or stale; each spec file then starts its own server.
  globalSetup: './global-setup.ts',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  // Three spec files at a time: the specs wait on sockets, reloads and timers far more than they compute,
  // and each file has its own server and temp DATA_DIR, so none share state. Measured on the 2-core
  // machine while it also ran other builds: 110 tests in 9.3 min with three (the slowest at 56 s of its
  // 150 s timeout, every default-timeout test under 40 % of it), against about 16 min with two in CI.
  workers: 3,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json']],
  outputDir: '../test-results',
  use: {
    headless: true,
    // Only the offline specs need the app's service worker (fixtures/test.ts, WITH_SERVICE_WORKER).
    serviceWorkers: 'block',
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
})
