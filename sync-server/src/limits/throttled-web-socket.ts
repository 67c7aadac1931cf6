/**
 * The WebSocket class the server's `WebSocketServer` creates (its `WebSocket` option): a `ws`
 * WebSocket whose 'message' events pass through a MessageGate, so every listener, whoever registers
 * it (/collab's Hocuspocus connection, the y-websocket bridge), sees this socket's messages at the
 * budgeted pace. `ws.pause()` alone is not enough: frames `ws` has already read are emitted anyway.
 */
import { WebSocket } from 'ws'
import type { Logger } from '../logger.ts'
import { MessageGate, type SocketBudget } from './message-gate.ts'

export function throttledWebSocketClass(budget: SocketBudget, logger: Logger): typeof WebSocket {
  return class ThrottledWebSocket extends WebSocket {
    // No initializer: ws's constructor runs before class fields are set up.
    private gate?: MessageGate

    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'message') {
        this.gate ??= new MessageGate({
          socket: this,
          budget,
          logger,
          deliver: (held) => super.emit('message', ...held),
        })
        this.gate.admit(args)
        return true
      }
      if (event === 'close') this.gate?.stop()
      return super.emit(event, ...args)
    }
  }
}
