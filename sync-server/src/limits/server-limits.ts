/**
 * Every limit of one server, built from its config: the throttled WebSocket class (per socket:
 * messages/s and bytes/s), the upgrade admission (per address: attempts and open sockets; per /yjs
 * board), the per-board connection limit for /collab, and the awareness stage of the message pipeline.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Extension } from '@hocuspocus/server'
import type { WebSocket } from 'ws'
import type { ServerConfig } from '../config.ts'
import type { MessageStage } from '../extensions/message-pipeline.ts'
import type { Logger } from '../logger.ts'
import { AddressAdmission } from './address-admission.ts'
import { awarenessLimitsStage } from './awareness-limits.ts'
import { boardConnectionLimitExtension } from './board-connection-limit.ts'
import { throttledWebSocketClass } from './throttled-web-socket.ts'
import { admitUpgrade } from './upgrade-admission.ts'

export interface ServerLimits {
  /** For `new WebSocketServer({ WebSocket })`. */
  WebSocket: typeof WebSocket
  /** Call first in the 'upgrade' handler; false: refused and answered. */
  admitUpgrade(request: IncomingMessage, socket: Duplex, board: string | null): boolean
  boardConnectionLimit: Extension
  awarenessStage: MessageStage
}

export function createServerLimits(
  config: ServerConfig,
  logger: Logger,
  boardConnections: (board: string) => number,
): ServerLimits {
  const admission = new AddressAdmission(config, boardConnections)
  return {
    WebSocket: throttledWebSocketClass(
      {
        messagesPerSecond: config.socketMessagesPerSecond,
        messageBurst: config.socketMessageBurst,
        bytesPerSecond: config.socketBytesPerSecond,
        byteBurst: config.socketByteBurst,
        closeAfterMs: config.socketThrottleCloseAfterMs,
      },
      logger,
    ),
    admitUpgrade: (request, socket, board) =>
      admitUpgrade({ admission, request, socket, board, trustProxy: config.trustProxy, logger }),
    boardConnectionLimit: boardConnectionLimitExtension({
      maxConnectionsPerBoard: config.maxConnectionsPerBoard,
      logger,
    }),
    awarenessStage: awarenessLimitsStage(
      {
        maxStateBytes: config.maxAwarenessStateBytes,
        maxClientsPerConnection: config.maxAwarenessClientsPerConnection,
      },
      logger,
    ),
  }
}
