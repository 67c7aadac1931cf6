/**
 * A load balancer for tests, as nginx's upstream without sticky sessions would be: each TCP connection
 * goes to the next instance in turn, and to the one after it when that one does not answer (a killed
 * instance), so the clients of a dead instance reconnect to a live one through the same address.
 */
import { createServer, type Socket, connect as tcpConnect } from 'node:net'

export interface TcpBalancer {
  port: number
  /** ws://127.0.0.1:port/collab */
  collabUrl: string
  /** Which instance (index into the targets) each connection so far was sent to. */
  readonly routed: number[]
  close(): Promise<void>
}

export async function startTcpBalancer(targets: readonly number[]): Promise<TcpBalancer> {
  let next = 0
  const routed: number[] = []
  const sockets = new Set<Socket>()
  const track = (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  }

  const server = createServer((inbound) => {
    track(inbound)
    inbound.pause()
    const first = next
    next = (next + 1) % targets.length
    const attempt = (tries: number) => {
      if (tries === targets.length) {
        inbound.destroy()
        return
      }
      const index = (first + tries) % targets.length
      const outbound = tcpConnect(targets[index]!, '127.0.0.1')
      // Before it connects, an error is an instance that does not answer: try the next one.
      outbound.once('error', () => attempt(tries + 1))
      outbound.once('connect', () => {
        track(outbound)
        routed.push(index)
        outbound.removeAllListeners('error')
        const end = () => {
          inbound.destroy()
          outbound.destroy()
        }
        outbound.on('error', end)
        inbound.on('error', end)
        outbound.on('close', end)
        inbound.on('close', end)
        inbound.pipe(outbound).pipe(inbound)
        inbound.resume()
      })
    }
    attempt(0)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  return {
    port,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    routed,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
