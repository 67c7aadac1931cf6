import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

/** The repository root (vite.config.ts lives there). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

const TLDRAW_ALONE_ROOT = fileURLToPath(new URL('./tldraw-alone/', import.meta.url))
const BOARD_OPEN_ROOT = fileURLToPath(new URL('./board-open/', import.meta.url))

/**
 * Builds Flowmap's client with the repository's own Vite config into `outDir`, not client/dist: the
 * benchmark must not swap the files under a server or test that is serving them.
 */
export async function buildFlowmapClient(outDir: string): Promise<void> {
  await build({
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    root: join(REPO_ROOT, 'client'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  })
}

/** Builds the tldraw-only reference page into `outDir` with Vite's defaults (no config file). */
export async function buildTldrawAlone(outDir: string): Promise<void> {
  await buildPageWithDefaults(TLDRAW_ALONE_ROOT, outDir)
}

/** Builds the storage page of board-open-bench.ts (y-dexie and y-indexeddb side by side) into `outDir`. */
export async function buildBoardOpenPage(outDir: string): Promise<void> {
  await buildPageWithDefaults(BOARD_OPEN_ROOT, outDir)
}

function buildPageWithDefaults(root: string, outDir: string) {
  return build({
    configFile: false,
    root,
    // tldraw's dependencies trip rolldown's "use client" directive warning; the figures are what matter.
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  })
}
