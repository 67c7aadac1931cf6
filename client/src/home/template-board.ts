/**
 * A new board from a template: made the way every new board is (create-board.ts: on the server when
 * it answers, else on this device), then the template's roles and records are written into the
 * board's doc on this device. The board page sends them with its first sync, so a board made offline
 * reaches the server, template and all, the first time it connects.
 */
import { type BoardTemplate, writeTemplate } from '@flowmap/shared'
import { type CreatedBoard, createBoard } from '../app/create-board.ts'
import { type BoardDatabase, boardUpdatesTableName } from '../storage/board-database.ts'
import { openLocalBoard } from '../storage/local-board.ts'

export interface TemplateBoardOptions {
  db: BoardDatabase | null
  token: string | null
  title: string
  /** Null or empty: a blank board. */
  template: Pick<BoardTemplate, 'records' | 'roles'> | null
  /** For tests: how the board is created. @default createBoard */
  create?: typeof createBoard
}

export type TemplateBoard = CreatedBoard & {
  /** Why the template's content is not on the board (no storage on this device), or null. */
  readonly problem: string | null
}

const NOTHING = { records: [], roles: [] }

export async function createBoardFromTemplate(options: TemplateBoardOptions): Promise<TemplateBoard> {
  const created = await (options.create ?? createBoard)({ token: options.token, title: options.title })
  const local = created.source === 'local'
  const empty =
    options.template === null || options.template.records.length + options.template.roles.length === 0
  // A board the server made has its title in the server's doc already; only a local one needs it here.
  if (empty && !local) return { ...created, problem: null }
  if (options.db === null)
    return { ...created, problem: 'this browser has no storage for boards (IndexedDB)' }
  const board = await openLocalBoard(options.db, created.boardId, { onStorageError: () => {} })
  try {
    writeTemplate(board.doc, options.template ?? NOTHING, local ? { title: options.title } : {})
    if (local) await board.setTitle(options.title)
    await storedUpdatesSettled(options.db)
  } finally {
    board.release()
  }
  return { ...created, problem: null }
}

/**
 * Resolves once y-dexie has stored the updates it was handed: it adds each update to its table as the
 * doc emits it, without a promise to wait on, and the board page (or a closed database) must not come
 * before that write. IndexedDB runs read-write transactions on one table in the order they were made,
 * so one made now ends after every add made before it.
 */
async function storedUpdatesSettled(db: BoardDatabase): Promise<void> {
  const updates = db.table(boardUpdatesTableName(db))
  await db.transaction('rw', updates, () => updates.count())
}
