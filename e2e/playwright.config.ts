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
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json']],
  outputDir: '../test-results',
  use: {
    headless: true,
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
})
