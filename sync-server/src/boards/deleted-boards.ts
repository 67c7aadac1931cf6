/**
 * Deleted boards: a facilitator's delete only marks the board (storage `deleted_at`), which then is
 * hidden from the list, refused over HTTP and the socket, and restorable, until it is purged with its
 * history `deletedBoardRetentionMs` after the delete. Purging runs on start and then periodically.
 */
import { deletedBoardReason } from '@flowmap/shared'
import type { Logger } from '../logger.ts'
import type { AsyncBoardStorage } from '../storage/async-board-storage.ts'
import type { BoardRecord } from '../storage/board-storage.ts'

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
export function purgeExpiredBoards(
  storage: PurgingStorage,
  retentionMs: number,
  now: number,
): Promise<string[]> {
  return storage.purgeBoardsDeletedBefore(now - retentionMs)
}

/** The part of the storage the purge uses. */
export type PurgingStorage = Pick<AsyncBoardStorage, 'purgeBoardsDeletedBefore'>

export interface DeletedBoardPurgeOptions {
  storage: PurgingStorage
  retentionMs: number
  intervalMs: number
  logger: Logger
  /** The clock; tests pass their own. */
  now?: () => number
}

/**
 * Purges once now, then every `intervalMs`; returns the stop function, which resolves once a purge
 * still running has ended (so the storage can be closed after it, not under it).
 */
export function startDeletedBoardPurge(options: DeletedBoardPurgeOptions): () => Promise<void> {
  const now = options.now ?? Date.now
  let running: Promise<void> | null = null
  const purge = async () => {
    try {
      const purged = await purgeExpiredBoards(options.storage, options.retentionMs, now())
      if (purged.length > 0) {
        options.logger.info({ event: 'purge', boards: purged }, `purged ${purged.length} deleted board(s)`)
      }
    } catch (error) {
      // The next round tries again; the storage health already says why writes fail.
      options.logger.error({ event: 'error', err: error }, 'purging deleted boards failed')
    }
  }
  const start = () => {
    // A purge slower than the interval (a database under load) is not run twice at once.
    if (running !== null) return
    running = purge().finally(() => {
      running = null
    })
  }
  start()
  const timer = setInterval(start, options.intervalMs)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await running
  }
}
