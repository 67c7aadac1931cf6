/**
 * Per board: at most `maxConnectionsPerBoard` open connections. A /collab socket names its boards in
 * its messages (one socket can carry several), so this is checked when a board is joined, in
 * Hocuspocus's onConnect; the joiner is refused with the reason (its provider reports an
 * authentication failure carrying it). It counts the board's established connections: joins in
 * flight at the same moment can pass together, so the limit may be overshot by those few.
 */
import type { Extension, onConnectPayload } from '@hocuspocus/server'
import type { Logger } from '../logger.ts'
import { closeReason, FLOWMAP_CLOSE } from '../protocol/close-codes.ts'

export function boardConnectionLimitExtension(options: {
  maxConnectionsPerBoard: number
  logger: Logger
}): Extension {
  const { maxConnectionsPerBoard, logger } = options
  return {
    extensionName: 'flowmap-board-connection-limit',
    // Before auth: a full board is refused before its token is even checked.
    priority: 1100,

    async onConnect({ instance, documentName, socketId }: onConnectPayload) {
      const open = instance.documents.get(documentName)?.getConnectionsCount() ?? 0
      if (open < maxConnectionsPerBoard) return
      const reason = closeReason(
        `${FLOWMAP_CLOSE.tooManyConnections.reason}: board has ${open} open connections; at most ${maxConnectionsPerBoard}`,
      )
      logger.warn({ event: 'limit', limit: 'board-connections', board: documentName, socketId }, reason)
      // Hocuspocus turns a thrown `{ reason }` into a permission-denied message for this board only.
      throw { reason }
    },
  }
}
