/** A deleted board as the API sends it: times as ISO 8601, with the last moment it can be restored. */
import type { DeletedBoardJson } from '@flowmap/shared'
import { restorableUntil } from '../boards/deleted-boards.ts'
import type { BoardRecord } from '../storage/board-storage.ts'

export function deletedBoardJson(
  board: BoardRecord & { deletedAt: number },
  retentionMs: number,
): DeletedBoardJson {
  return {
    id: board.id,
    title: board.title,
    deletedAt: new Date(board.deletedAt).toISOString(),
    restorableUntil: new Date(restorableUntil(board.deletedAt, retentionMs)).toISOString(),
  }
}
