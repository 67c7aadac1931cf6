import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFlowmapServer } from '@flowmap/sync-server'
import type { StartedServer } from './server-kind.ts'

/**
 * Flowmap's own server as it runs in production: validation, history log and durable append on, real
 * SQLite in a temp DATA_DIR, local mode (no auth secret) so the clients need no token.
 */
export async function startFlowmapBenchServer(): Promise<StartedServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowmap-fanout-'))
  const server = await startFlowmapServer({ port: 0, host: '127.0.0.1', dataDir, clientDir: null })
  return {
    socketUrl: `${server.url.replace(/^http/, 'ws')}/collab`,
    close: async () => {
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
