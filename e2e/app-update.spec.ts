import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { type FlowmapServerProcess, startFlowmapServer } from './fixtures/flowmap-server.ts'
import { guardOrigin } from './fixtures/off-origin-guard.ts'
import { REPO_ROOT } from './fixtures/repo-paths.ts'
import { expect, test, WITH_SERVICE_WORKER } from './fixtures/test.ts'

test.use(WITH_SERVICE_WORKER)

// A deploy of a new version, as the server sees it: a copy of the built client that the test changes
// (its index.html carries a build marker, and the service worker's precache list says index.html has a
// new revision, so sw.js's bytes change as they do on every real build that changes the shell).

const BUILD_MARKER = 'meta[name="flowmap-e2e-build"]'

function copyBuiltClient(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flowmap-client-'))
  cpSync(join(REPO_ROOT, 'client', 'dist'), dir, { recursive: true })
  return dir
}

function deployNewVersion(clientDir: string, build: string): void {
  const indexFile = join(clientDir, 'index.html')
  const index = readFileSync(indexFile, 'utf8')
  writeFileSync(
    indexFile,
    index.replace('<head>', `<head><meta name="flowmap-e2e-build" content="${build}">`),
  )
  const workerFile = join(clientDir, 'sw.js')
  const worker = readFileSync(workerFile, 'utf8')
  const revision = /\{url:"index\.html",revision:"[0-9a-f]+"\}/
  if (!revision.test(worker)) throw new Error('sw.js has no precache entry for index.html to bump')
  writeFileSync(workerFile, worker.replace(revision, `{url:"index.html",revision:"e2e-${build}"}`))
}

async function openControlledPage(browser: Browser, server: FlowmapServerProcess) {
  const context = await browser.newContext({ baseURL: server.url })
  const guard = guardOrigin(context, server.url)
  const page = await context.newPage()
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Your boards' })).toBeVisible()
  // The first visit installs the worker; it claims the page once it has precached the app.
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 })
    .toBe(true)
  return { context, page, guard }
}

const buildOf = (page: Page) => page.locator(BUILD_MARKER).getAttribute('content', { timeout: 1_000 })

test.describe('a new version of the app', () => {
  let clientDir: string
  let server: FlowmapServerProcess

  test.beforeEach(async () => {
    clientDir = copyBuiltClient()
    server = await startFlowmapServer({ FLOWMAP_CLIENT_DIR: clientDir })
  })
  test.afterEach(async () => {
    await server.stop()
    rmSync(clientDir, { recursive: true, force: true })
  })

  test('is picked up on the next online load, and is then what opens offline', async ({ browser }) => {
    const { context, page, guard } = await openControlledPage(browser, server)
    await expect(page.locator(BUILD_MARKER)).toHaveCount(0)

    deployNewVersion(clientDir, 'v2')
    await page.reload()
    // The load is answered from the old precache while the new worker installs; once it takes over,
    // the untouched page reloads onto it by itself.
    await expect(page.locator(BUILD_MARKER)).toHaveAttribute('content', 'v2', { timeout: 20_000 })
    await expect(page.getByRole('heading', { name: 'Your boards' })).toBeVisible()

    await context.setOffline(true)
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Your boards' })).toBeVisible()
    expect(await buildOf(page), 'with no network the new version opens from the precache').toBe('v2')
    expect(guard.offOriginRequests()).toEqual([])
    await context.close()
  })

  test('on a page in use is offered, not forced: the page stays until the person reloads', async ({
    browser,
  }) => {
    const { context, page } = await openControlledPage(browser, server)
    // Someone is working on this page: a press on it, and a mark that a reload would wipe.
    await page.getByRole('heading', { name: 'Your boards' }).click()
    await page.evaluate(() => {
      ;(window as unknown as { stillThisPage: boolean }).stillThisPage = true
    })

    deployNewVersion(clientDir, 'v3')
    // What the browser does by itself on navigations and every so often: look for a new worker.
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration()
      await registration?.update()
    })
    const banner = page.getByTestId('new-version-banner')
    await expect(banner).toBeVisible({ timeout: 20_000 })
    await expect(banner).toContainText('A new version of Flowmap is ready')
    expect(
      await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage),
      'the page in use was not reloaded under the person',
    ).toBe(true)
    await expect(page.locator(BUILD_MARKER)).toHaveCount(0)

    await banner.getByRole('button', { name: 'Reload' }).click()
    await expect(page.locator(BUILD_MARKER)).toHaveAttribute('content', 'v3', { timeout: 10_000 })
    await expect(page.getByTestId('new-version-banner')).toHaveCount(0)
    await context.close()
  })
})
