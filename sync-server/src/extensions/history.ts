/**
 * History: durable before acknowledged. An update the validation extension admitted is appended to
 * the history log here, synchronously, in `beforeHandleMessage`: Hocuspocus acknowledges a message
 * only after this hook chain resolves and it has applied the update. A kill -9 right after the sender
 * saw its acknowledgement therefore loses nothing. Every `checkpointEvery` entries the full state is
 * written as a checkpoint, so any moment can be rebuilt from a checkpoint plus a short tail.
 */

import { isDocOrigin, REFUSAL_CODES } from '@flowmap/shared'
import { type Document, type Extension, isTransactionOrigin, type onChangePayload } from '@hocuspocus/server'
import type { FlowmapContext } from '../auth/roles.ts'
import type { BoardShadow, BoardShadows } from '../boards/board-shadows.ts'
import type { RefuseUpdate } from '../boards/refuse-update.ts'
import type { Logger } from '../logger.ts'
import type { ServerMetrics } from '../server-metrics.ts'
import type { BoardStorage, NewHistoryEntry } from '../storage/board-storage.ts'
import { storageFailureInWords } from '../storage/storage-error.ts'
import type { ClientIds } from './client-ids.ts'
import type { MessageStage } from './message-pipeline.ts'

export interface HistoryExtensionOptions {
  storage: BoardStorage
  shadows: BoardShadows
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
   * on someone's behalf (an imported file). Throws when it was not stored.
   */
  appendServerMade(document: Document, documentName: string, update: Uint8Array, author?: HistoryAuthor): void
}

/** Who a server-made history entry is attributed to. */
export type HistoryAuthor = { readonly id: string; readonly name: string }

export function createHistory(options: HistoryExtensionOptions): History {
  const { storage, shadows, metrics, logger } = options

  function append(boardId: string, shadow: BoardShadow, entry: NewHistoryEntry): number {
    const seq = metrics.timeWrite('append', () => storage.appendUpdate(entry))
    metrics.countAccepted(entry.update.byteLength)
    if (seq % options.checkpointEvery !== 0) return seq
    try {
      // The shadow holds every appended update (and possibly one admitted a moment ago, which replays
      // harmlessly twice): it is the state at `seq`.
      const state = shadow.encodeState()
      metrics.timeWrite('checkpoint', () =>
        storage.writeCheckpoint(boardId, { seq, state, time: Date.now() }),
      )
    } catch (error) {
      // A missing checkpoint only makes replay walk a longer tail; the update itself is stored.
      logger.error({ event: 'error', board: boardId, err: error }, 'checkpoint write failed')
    }
    return seq
  }

  const stage: MessageStage = ({ connection, document, documentName, context }) => {
    const shadow = shadows.get(document)
    const admitted = shadow?.held(connection)
    if (shadow === undefined || admitted === undefined || !admitted.changesContent) return
    const user = (context as FlowmapContext).user
    try {
      options.clientIds.appendFromConnection(document, connection, documentName, () =>
        append(documentName, shadow, {
          boardId: documentName,
          time: Date.now(),
          userId: user.id,
          userName: user.name,
          clientId: admitted.clientId,
          update: admitted.update,
        }),
      )
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

    /** Changes made on the server itself (not through a connection) skip the message pipeline. */
    async onChange({ transactionOrigin, update, document, documentName }: onChangePayload) {
      if (isTransactionOrigin(transactionOrigin) && transactionOrigin.source === 'connection') return
      // Written through appendServerMade already, before it was applied.
      if (isDocOrigin(transactionOrigin) && transactionOrigin.source === 'server-write') return
      appendServerMade(document, documentName, update)
    },
  }

  function appendServerMade(
    document: Document,
    documentName: string,
    update: Uint8Array,
    author?: HistoryAuthor,
  ): void {
    const shadow = shadows.get(document)
    if (shadow === undefined) return
    shadow.follow(update)
    try {
      options.clientIds.appendFromServer(document, documentName, update, () =>
        append(documentName, shadow, {
          boardId: documentName,
          time: Date.now(),
          userId: author?.id ?? null,
          userName: author?.name ?? null,
          clientId: null,
          update,
        }),
      )
    } catch (error) {
      // A server-made change has no sender to refuse: the caller learns it was not stored.
      logger.error({ event: 'error', board: documentName, err: error }, 'history append failed')
      throw error
    }
  }
  return { stage, extension, appendServerMade }
}
