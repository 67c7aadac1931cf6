/**
 * Deleted boards: a facilitator's delete only marks the board (storage `deleted_at`), which then is
 * hidden from the list, refused over HTTP and the socket, and restorable, until it is purged with its
 * history `deletedBoardRetentionMs` after the delete. Purging runs on start and then periodically.
 */
import { deletedBoardReason } from '@flowmap/shared'
import type { Logger } from '../logger.ts'
import type { BoardRecord, BoardStorage } from '../storage/board-storage.ts'

/** The last moment a deleted board can be restored (ms since the epoch). */
export function restorableUntil(deletedAt: number, retentionMs: number): number {
  return deletedAt + retentionMs
}

/** What a person is told when they reach a deleted board: what happened and until when it can be undone. */
export function deletedBoardMessage(board: BoardRecord & { deletedAt: number }, retentionMs: number): string {
  const until = new Date(restorableUntil(board.deletedAt, retentionMs)).toISOString().slice(0, 10)
  return deletedBoardReason({ name: board.title || board.id, restorableUntil: until })
}

export function isDeleted(board: BoardRecord): board is BoardRecord & { deletedAt: number } {
  return board.deletedAt !== null
}

/** Purges every board deleted longer ago than the retention; returns the ids purged. */
export function purgeExpiredBoards(storage: BoardStorage, retentionMs: number, now: number): string[] {
  return storage.purgeBoardsDeletedBefore(now - retentionMs)
}

export interface DeletedBoardPurgeOptions {
  storage: BoardStorage
  retentionMs: number
  intervalMs: number
  logger: Logger
  /** The clock; tests pass their own. */
  now?: () => number
}

/** Purges once now, then every `intervalMs`; returns the stop function. */
export function startDeletedBoardPurge(options: DeletedBoardPurgeOptions): () => void {
  const now = options.now ?? Date.now
  const purge = () => {
    try {
      const purged = purgeExpiredBoards(options.storage, options.retentionMs, now())
      if (purged.length > 0) {
        options.logger.info({ event: 'purge', boards: purged }, `purged ${purged.length} deleted board(s)`)
      }
    } catch (error) {
      // The next round tries again; the storage health already says why writes fail.
      options.logger.error({ event: 'error', err: error }, 'purging deleted boards failed')
    }
  }
  purge()
  const timer = setInterval(purge, options.intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
