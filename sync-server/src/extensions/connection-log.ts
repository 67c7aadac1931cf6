/** One log line per board connection and disconnection, with board and user. */
import type { connectedPayload, Extension, onDisconnectPayload } from '@hocuspocus/server'
import type { FlowmapContext } from '../auth/roles.ts'
import type { Logger } from '../logger.ts'

export function connectionLogExtension(logger: Logger): Extension {
  return {
    extensionName: 'flowmap-connection-log',
    priority: 10,

    async connected({ documentName, context, socketId, connectionConfig }: connectedPayload) {
      const user = (context as Partial<FlowmapContext>).user
      logger.info(
        {
          event: 'connect',
          board: documentName,
          user: user?.id ?? null,
          role: user?.role,
          socketId,
          readOnly: connectionConfig.readOnly,
        },
        'connected',
      )
    },

    async onDisconnect({ documentName, context, socketId, clientsCount }: onDisconnectPayload) {
      const user = (context as Partial<FlowmapContext>).user
      logger.info(
        {
          event: 'disconnect',
          board: documentName,
          user: user?.id ?? null,
          socketId,
          remaining: clientsCount,
        },
        'disconnected',
      )
    },
  }
}
