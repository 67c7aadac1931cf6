/**
 * The home page's reads and writes of the boards kept on this device, on the storage module's Dexie
 * database. A board's doc is loaded only to rename it or to draw its preview (through the board
 * model), and released right after.
 */

import { type BoardPreview, previewOf } from '@flowmap/shared'
import { DexieYProvider } from 'y-dexie'
import { type BoardDatabase, boardUpdatesTableName } from '../storage/board-database.ts'
import type { HistoryCache } from '../storage/history-cache.ts'
import { type BoardModel, createBoardModel } from '../sync/board-model.ts'

async function withBoardModel<T>(
  db: BoardDatabase,
  boardId: string,
  use: (board: BoardModel) => T,
): Promise<T | null> {
  const row = await db.boards.get(boardId)
  if (!row) return null
  const provider = DexieYProvider.load(row.doc)
  try {
    await provider.whenLoaded
    return use(createBoardModel(row.doc))
  } finally {
    DexieYProvider.release(row.doc)
  }
}

/**
 * Renames a board in its doc (so the name syncs to the server and everyone when the board next
 * connects, or at once through rename-board.ts) and in the device's list, noting when: until the
 * server has it, the list shows this title over the server's.
 */
export async function renameDeviceBoard(
  db: BoardDatabase,
  boardId: string,
  title: string,
  now: number = Date.now(),
): Promise<void> {
  const renamed = await withBoardModel(db, boardId, (board) => {
    board.setTitle(title)
    return board.meta.get().title
  })
  if (renamed === null) throw new Error(`board ${boardId} is not on this device`)
  await db.boards.update(boardId, { title: renamed, renamedAt: now })
}

/**
 * Forgets a board on this device: its row, its stored updates and the copy of its history replay
 * kept. Changes the server never acknowledged are lost with it, which is why the page asks first when
 * there are any.
 */
export async function removeDeviceBoard(
  db: BoardDatabase,
  boardId: string,
  historyCache?: HistoryCache,
): Promise<void> {
  const updates = db.table(boardUpdatesTableName(db))
  await db.transaction('rw', db.boards, updates, async () => {
    await updates.where('k').equals(boardId).delete()
    await db.boards.delete(boardId)
  })
  await historyCache?.drop(boardId)
}

/** The small picture of a board on this device, from its stored doc (works offline). */
export async function deviceBoardPreview(db: BoardDatabase, boardId: string): Promise<BoardPreview | null> {
  return withBoardModel(db, boardId, (board) => previewOf(board.records.get()))
}
