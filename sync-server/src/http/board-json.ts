/** A board row as the API sends it: times as ISO 8601. */
import type { BoardJson } from '@flowmap/shared'
import type { BoardRecord } from '../storage/board-storage.ts'

export function boardJson(board: BoardRecord): BoardJson {
  return {
    id: board.id,
    title: board.title,
    createdAt: new Date(board.createdAt).toISOString(),
    updatedAt: new Date(board.updatedAt).toISOString(),
  }
}
