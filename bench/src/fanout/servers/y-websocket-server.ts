import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'
import type { StartedServer } from './server-kind.ts'

/**
 * The reference: @y/websocket-server 0.1.1's connection handler behind our own upgrade handler, exactly
 * as its bundled bin wires it (docs/architecture.md, toolchain facts), without persistence or auth.
 */
export async function startYWebsocketServer(): Promise<StartedServer> {
  const sockets = new WebSocketServer({ noServer: true })
  const http = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' })
    response.end('okay')
  })
  http.on('upgrade', (request, socket, head) => {
    sockets.handleUpgrade(request, socket, head, (ws) => setupWSConnection(ws, request))
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  return {
    socketUrl: `ws://127.0.0.1:${port}`,
    close: async () => {
      for (const client of sockets.clients) client.terminate()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}
