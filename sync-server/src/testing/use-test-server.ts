/**
 * The server tests' one fixture: real servers (port 0, a real SQLite file in a fresh temp dir) and the
 * clients, sockets and temp dirs a test opens, all ended after the test (with `per: 'suite'`, after the
 * file or describe block), clients before the server, so no test leaks a socket into the next.
 */
import { afterAll, afterEach, beforeAll } from 'vitest'
import type * as Y from 'yjs'
import type { ServerConfig } from '../config.ts'
import type { RunningServer } from '../server.ts'
import type { AsyncBoardStorage } from '../storage/async-board-storage.ts'
import { type BoardClient, connectBoard } from './board-client.ts'
import { useTempDirs } from './temp-dirs.ts'
import { startTestServer, type TestServer } from './test-server.ts'

/** Anything a test opens and the fixture ends: board clients, raw sockets, y-websocket providers. */
export type Endable = { destroy(): void } | { close(): void }

export interface UseTestServerOptions {
  /**
   * 'test': each test starts its own server with `start()`, ended after that test. 'suite': one server
   * for the file or describe block that calls this, ended after its last test, with the clients its tests
   * connected.
   * @default 'test'
   */
  per?: 'test' | 'suite'
  /**
   * The config `start()` uses when given none. With `per: 'suite'` the server starts with it before the
   * first test; without it the file starts the server itself in its own `beforeAll`.
   */
  config?: Partial<ServerConfig>
}

export interface TestServerFixture {
  /** Starts a server; it becomes the current one. */
  start(config?: Partial<ServerConfig>): Promise<TestServer>
  /** Closes the current server and starts another on the same data dir (the durability tests). */
  restart(): Promise<TestServer>
  /** Ends the current server now (a test that then starts one with another config). */
  stop(): Promise<void>
  /** The current server (the last one started); throws when the test started none. */
  readonly server: RunningServer
  /** The current server's data dir */
  readonly dataDir: string
  /** http://127.0.0.1:port of the current server */
  readonly url: string
  /** ws://…/collab of the current server */
  readonly collabUrl: string
  readonly storage: AsyncBoardStorage
  /** A board client of the current server, ended after the test. */
  connect(boardId: string, options?: { token?: string; doc?: Y.Doc }): BoardClient
  /** Ends `resource` after the test; returns it. */
  track<T extends Endable>(resource: T): T
  /** Ends a tracked resource now (a client that leaves mid-test). */
  end(resource: Endable): void
  /** A fresh temp dir, removed after the test (or the suite). */
  tempDir(): string
}

export function useTestServer(options: UseTestServerOptions = {}): TestServerFixture {
  // Registered before the fixture's own hook, so it runs after it: dirs go once the servers are closed.
  const tempDir = useTempDirs(options.per ?? 'test')
  const resources: Endable[] = []
  let servers: TestServer[] = []

  async function endAll(): Promise<void> {
    for (const resource of resources.splice(0)) endNow(resource)
    for (const server of servers) await server.dispose()
    servers = []
  }

  function endNow(resource: Endable): void {
    if ('destroy' in resource) resource.destroy()
    else resource.close()
  }

  function current(): TestServer {
    const server = servers.at(-1)
    if (server === undefined) throw new Error('no test server is running: call start() first')
    return server
  }

  if (options.per === 'suite') {
    if (options.config !== undefined) {
      const config = options.config
      beforeAll(async () => {
        servers.push(await startTestServer(config))
      })
    }
    afterAll(endAll)
  } else {
    afterEach(endAll)
  }

  return {
    async start(config = options.config ?? {}) {
      const server = await startTestServer(config)
      servers.push(server)
      return server
    },
    async restart() {
      // restart() closes the old server itself; only the new one (same data dir) is disposed later.
      const restarted = await current().restart()
      servers[servers.length - 1] = restarted
      return restarted
    },
    async stop() {
      await servers.pop()?.dispose()
    },
    get server() {
      return current().server
    },
    get dataDir() {
      return current().dataDir
    },
    get url() {
      return current().server.url
    },
    get collabUrl() {
      return current().collabUrl
    },
    get storage() {
      return current().server.storage
    },
    connect(boardId, connectOptions = {}) {
      const client = connectBoard(current().collabUrl, boardId, connectOptions)
      resources.push(client)
      return client
    },
    track(resource) {
      resources.push(resource)
      return resource
    },
    end(resource) {
      const index = resources.indexOf(resource)
      if (index !== -1) resources.splice(index, 1)
      endNow(resource)
    },
    tempDir,
  }
}
