/**
 * Persistence: loads a board from storage (snapshot or checkpoint + history tail) and keeps a
 * debounced snapshot. The snapshot is Hocuspocus's `onStoreDocument`, debounced and so lost on a
 * crash; that is fine because it only shortens loading: the history log already holds every
 * acknowledged update (extensions/history.ts).
 */
import { readBoard } from '@flowmap/shared'
import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server'
import type { BoardShadows } from '../boards/board-shadows.ts'
import type { BoardTurns } from '../boards/board-turns.ts'
import { loadBoardDoc } from '../boards/load-board.ts'
import type { LogCatchUp } from '../boards/log-catch-up.ts'
import type { Logger } from '../logger.ts'
import type { ServerMetrics } from '../server-metrics.ts'
import type { AsyncBoardStorage } from '../storage/async-board-storage.ts'

export interface PersistenceExtensionOptions {
  storage: AsyncBoardStorage
  shadows: BoardShadows
  turns: BoardTurns
  catchUp: LogCatchUp
  metrics: ServerMetrics
  logger: Logger
}

export function persistenceExtension(options: PersistenceExtensionOptions): Extension {
  const { storage, shadows, turns, catchUp, metrics, logger } = options
  return {
    extensionName: 'flowmap-persistence',
    priority: 950,

    async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
      // A client may have made the board up offline: its first connection creates the row.
      await storage.ensureBoard(documentName, Date.now())
      const loaded = await loadBoardDoc(storage, documentName)
      // The loaded doc becomes the shadow; Hocuspocus copies its state into the live document.
      shadows.open(document, loaded.doc)
      catchUp.loaded(document, loaded.seq)
      logger.debug({ event: 'load', board: documentName, seq: loaded.seq }, 'board loaded')
      return loaded.doc
    },

    async onStoreDocument({ document, documentName }: onStoreDocumentPayload) {
      const shadow = shadows.get(document)
      if (shadow === undefined) return
      try {
        // In the board's turn no change is in flight; caught up from the log (entries other instances
        // stored), the shadow is the state at the last seq.
        const { seq, state, title } = await turns.run(documentName, async () => ({
          seq: await catchUp.holdThroughLast(document, documentName),
          state: shadow.encodeState(),
          title: readBoard(shadow.doc).title,
        }))
        await metrics.timeWrite('snapshot', () =>
          storage.writeSnapshot(documentName, { seq, state, title, time: Date.now() }),
        )
      } catch (error) {
        // Nothing is lost (the history log holds every acknowledged update); the storage health
        // already records the failure for /healthz.
        logger.error({ event: 'error', board: documentName, err: error }, 'snapshot write failed')
      }
    },
  }
}
