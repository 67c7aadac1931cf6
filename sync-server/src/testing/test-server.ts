/**
 * A real Flowmap server for tests: port 0, a real SQLite file in a fresh temp dir, logs silenced.
 * `restart()` closes it and starts another on the same data dir (the durability tests).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ServerConfig } from '../config.ts'
import { type RunningServer, startFlowmapServer } from '../server.ts'
import { collabUrlOf } from './collab-url.ts'

export const TEST_SECRET = 'flowmap-test-secret-0123456789'

export interface TestServer {
  server: RunningServer
  dataDir: string
  /** ws://…/collab */
  collabUrl: string
  restart(): Promise<TestServer>
  /** Closes the server and deletes the data dir. */
  dispose(): Promise<void>
}

export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'flowmap-test-'))
}

export async function startTestServer(
  config: Partial<ServerConfig> = {},
  dataDir: string = makeDataDir(),
): Promise<TestServer> {
  const server = await startFlowmapServer({
    port: 0,
    logLevel: 'silent',
    clientDir: null,
    ...config,
    dataDir,
  })
  let disposed = false
  return {
    server,
    dataDir,
    collabUrl: collabUrlOf(server.url),
    async restart() {
      await server.close()
      return startTestServer(config, dataDir)
    },
    async dispose() {
      if (disposed) return
      disposed = true
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
