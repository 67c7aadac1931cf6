/**
 * The server half of the refusal protocol (protocol/refusal.ts; the message is @flowmap/shared's): tell the sender, count it, log it,
 * then throw so Hocuspocus drops the message and closes the sender's connection to the board.
 */
import { encodeStatelessMessage, type Refusal, refusalMessage } from '@flowmap/shared'
import type { Connection } from '@hocuspocus/server'
import type { FlowmapContext } from '../auth/roles.ts'
import type { Logger } from '../logger.ts'
import { RefusedUpdateError } from '../protocol/refusal.ts'
import type { ServerMetrics } from '../server-metrics.ts'

export type RefuseUpdate = (connection: Connection, boardId: string, refusal: Refusal) => never

export function createRefuser(logger: Logger, metrics: ServerMetrics): RefuseUpdate {
  return (connection, boardId, refusal) => {
    // The stateless message goes out before Hocuspocus's close message on the same socket, so the
    // client knows why before it sees the connection end.
    connection.sendStateless(encodeStatelessMessage(refusalMessage(refusal)))
    metrics.updatesRejected.inc({ code: refusal.code })
    const user = (connection.context as Partial<FlowmapContext> | undefined)?.user
    logger.warn(
      {
        event: 'reject',
        board: boardId,
        user: user?.id ?? null,
        code: refusal.code,
        recordId: refusal.recordId,
      },
      refusal.reason,
    )
    // Hocuspocus offers no other way for beforeHandleMessage to stop a message than throwing.
    throw new RefusedUpdateError(refusal)
  }
}
