import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFlowmapServer } from '@flowmap/sync-server'
import type { Page } from 'playwright-core'
import { buildFlowmapClient } from './build-bundles.ts'

/** Flowmap's built client served by its real server in this process, on a free port, with temp storage. */
export interface ServedFlowmapApp {
  url: string
  close(): Promise<void>
}

export async function serveFlowmapApp(): Promise<ServedFlowmapApp> {
  const workDir = mkdtempSync(join(tmpdir(), 'flowmap-app-bench-'))
  const clientDir = join(workDir, 'client')
  await buildFlowmapClient(clientDir)
  // Quiet: a benchmark's output is its figures; connect/disconnect lines would bury them.
  const server = await startFlowmapServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: join(workDir, 'data'),
    clientDir,
    logLevel: 'error',
  })
  return {
    url: server.url,
    close: async () => {
      await server.close()
      rmSync(workDir, { recursive: true, force: true })
    },
  }
}

/** `/new` creates a board and opens it (`/` is the home page); resolves once the editor is on `window.__flowmap`. */
export async function openNewBoard(page: Page, appUrl: string): Promise<string> {
  await page.goto(`${appUrl}/new`)
  await page.waitForURL(/\/b\/[A-Za-z0-9_-]+/, { timeout: 30_000 })
  await waitForEditor(page)
  return new URL(page.url()).pathname.split('/').pop()!
}

export async function waitForEditor(page: Page): Promise<void> {
  await page.waitForFunction(
    () => Boolean((window as unknown as { __flowmap?: { editor?: unknown } }).__flowmap?.editor),
    undefined,
    { timeout: 30_000 },
  )
}
