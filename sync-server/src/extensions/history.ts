/**
 * History: durable before acknowledged. An update the validation extension admitted is appended to
 * the history log here, in `beforeHandleMessage`, and the hook waits for the commit: Hocuspocus
 * acknowledges a message only after this hook chain resolves and it has applied the update. A kill -9
 * right after the sender saw its acknowledgement therefore loses nothing. Every `checkpointEvery`
 * entries the full state is written as a checkpoint, so any moment can be rebuilt from a checkpoint plus
 * a short tail. Appends run in the board's turn (boards/board-turns.ts): the message pipeline holds it
 * for a connection's update, and a server-made change takes it here.
 */

import { isDocOrigin, REFUSAL_CODES } from '@flowmap/shared'
import { type Document, type Extension, isTransactionOrigin, type onChangePayload } from '@hocuspocus/server'
import type { FlowmapContext } from '../auth/roles.ts'
import type { BoardShadow, BoardShadows } from '../boards/board-shadows.ts'
import type { BoardTurns } from '../boards/board-turns.ts'
import { isFromLog, type LogCatchUp } from '../boards/log-catch-up.ts'
import type { RefuseUpdate } from '../boards/refuse-update.ts'
import type { Logger } from '../logger.ts'
import type { ServerMetrics } from '../server-metrics.ts'
import type { AsyncBoardStorage, AsyncBoardTransaction } from '../storage/async-board-storage.ts'
import type { NewHistoryEntry } from '../storage/board-storage.ts'
import { storageFailureInWords } from '../storage/storage-error.ts'
import type { ClientIds } from './client-ids.ts'
import type { MessageStage } from './message-pipeline.ts'

export interface HistoryExtensionOptions {
  storage: AsyncBoardStorage
  shadows: BoardShadows
  turns: BoardTurns
  /** Brings the live doc up to the last stored seq before a checkpoint (several instances). */
  catchUp: LogCatchUp
  checkpointEvery: number
  metrics: ServerMetrics
  logger: Logger
  refuse: RefuseUpdate
  /** Claims the client IDs an update is the first to write under, in the same transaction as its append. */
  clientIds: ClientIds
}

/**
 * The history log's two entry points: `stage` (the message pipeline's last step, for updates from
 * connections) and `extension` (onChange, for changes made on the server itself).
 */
export interface History {
  stage: MessageStage
  extension: Extension
  /**
   * Appends a change the server makes itself BEFORE it is applied: a write that must be durable before
   * anyone sees it (boards/server-write.ts). Attributed to nobody, or to `author` when the server writes
   * on someone's behalf (an imported file). Rejects when it was not stored. The caller holds the board's
   * turn (from before it computed the change until it has applied it).
   */
  appendServerMade(
    document: Document,
    documentName: string,
    update: Uint8Array,
    author?: HistoryAuthor,
  ): Promise<void>
}

/** Who a server-made history entry is attributed to. */
export type HistoryAuthor = { readonly id: string; readonly name: string }

export function createHistory(options: HistoryExtensionOptions): History {
  const { storage, shadows, metrics, logger } = options

  /** Appends through `store` (a transaction, with the client-ID claims); answers the entry's seq. */
  async function append(store: AsyncBoardTransaction, entry: NewHistoryEntry): Promise<number> {
    const seq = await metrics.timeWrite('append', () => store.appendUpdate(entry))
    metrics.countAccepted(entry.update.byteLength)
    return seq
  }

  /**
   * After the append committed, in the same turn. The checkpoint is written at the last seq the doc
   * is known to hold everything through: `seq` itself with one instance; with several, entries others
   * stored meanwhile are caught up first (and the checkpoint may then be at a later seq).
   */
  async function checkpointIfDue(
    document: Document,
    boardId: string,
    shadow: BoardShadow,
    seq: number,
  ): Promise<void> {
    if (seq % options.checkpointEvery !== 0) return
    try {
      const through = await options.catchUp.holdThroughLast(document, boardId)
      const state = shadow.encodeState()
      await metrics.timeWrite('checkpoint', () =>
        storage.writeCheckpoint(boardId, { seq: through, state, time: Date.now() }),
      )
    } catch (error) {
      // A missing checkpoint only makes replay walk a longer tail; the update itself is stored.
      logger.error({ event: 'error', board: boardId, err: error }, 'checkpoint write failed')
    }
  }

  const stage: MessageStage = async ({ connection, document, documentName, context }) => {
    const shadow = shadows.get(document)
    const admitted = shadow?.held(connection)
    if (shadow === undefined || admitted === undefined || !admitted.changesContent) return
    const user = (context as FlowmapContext).user
    try {
      const seq = await options.clientIds.appendFromConnection(document, connection, documentName, (store) =>
        append(store, {
          boardId: documentName,
          time: Date.now(),
          userId: user.id,
          userName: user.name,
          clientId: admitted.clientId,
          // Only what it added: content the board had is not stored twice.
          update: admitted.added ?? admitted.update,
        }),
      )
      await checkpointIfDue(document, documentName, shadow, seq)
    } catch (error) {
      // Not stored means not acknowledged: refuse, so the client resends it after its reset.
      logger.error(
        { event: 'error', board: documentName, user: user.id, err: error },
        'history append failed',
      )
      shadow.release(connection)
      shadow.rebuild(document)
      options.refuse(connection, documentName, {
        code: REFUSAL_CODES.storageUnavailable,
        reason: `the server could not store this change (${storageFailureInWords(error)}); it was not applied`,
        recordId: null,
      })
    }
  }

  const extension: Extension = {
    extensionName: 'flowmap-history',
    priority: 800,

    /**
     * Changes made on the server itself (not through a connection, nor through boards/server-write.ts)
     * skip the message pipeline: they are already applied, so they are stored in the board's next turn.
     */
    async onChange({ transactionOrigin, update, document, documentName }: onChangePayload) {
      if (isTransactionOrigin(transactionOrigin) && transactionOrigin.source === 'connection') return
      // Written through appendServerMade already, before it was applied.
      if (isDocOrigin(transactionOrigin) && transactionOrigin.source === 'server-write') return
      if (
        (isTransactionOrigin(transactionOrigin) && transactionOrigin.source === 'redis') ||
        isFromLog(transactionOrigin)
      ) {
        // Stored already: relayed by the instance that validated and stored it (scale/redis-relay.ts), or
        // read back from the log (boards/log-catch-up.ts). Never stored twice, but the shadow must hold it
        // like the live doc does.
        shadows.get(document)?.follow(update)
        return
      }
      await options.turns.run(documentName, () => appendServerMade(document, documentName, update))
    },
  }

  async function appendServerMade(
    document: Document,
    documentName: string,
    update: Uint8Array,
    author?: HistoryAuthor,
  ): Promise<void> {
    const shadow = shadows.get(document)
    if (shadow === undefined) return
    shadow.follow(update)
    try {
      const seq = await options.clientIds.appendFromServer(document, documentName, update, (store) =>
        append(store, {
          boardId: documentName,
          time: Date.now(),
          userId: author?.id ?? null,
          userName: author?.name ?? null,
          clientId: null,
          update,
        }),
      )
      await checkpointIfDue(document, documentName, shadow, seq)
    } catch (error) {
      // A server-made change has no sender to refuse: the caller learns it was not stored.
      logger.error({ event: 'error', board: documentName, err: error }, 'history append failed')
      throw error
    }
  }
  return { stage, extension, appendServerMade }
}
