import { Server } from '@hocuspocus/server'
import type { StartedServer } from './server-kind.ts'

/** The reference: Hocuspocus 4 with its defaults and no extensions (no storage, no auth, no hooks). */
export async function startHocuspocusServer(): Promise<StartedServer> {
  const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false })
  await server.listen()
  return {
    socketUrl: `ws://127.0.0.1:${server.address.port}`,
    close: () => server.destroy(),
  }
}
