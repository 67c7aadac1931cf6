/**
 * Opening one board from the device: its row in `boards` (created on first open) and its Y.Doc,
 * loaded by y-dexie before anything else touches it, so a board opens with no network at all.
 * From then on y-dexie writes every doc update to IndexedDB as it happens, whatever its origin.
 */
import { DexieYProvider } from 'y-dexie'
import type * as Y from 'yjs'
import { type BoardDatabase, type BoardRow, boardUpdatesTableName } from './board-database.ts'
import { describeStorageError } from './storage-error.ts'

export interface LocalBoard {
  readonly boardId: string
  /** The persisted doc; every update applied to it is stored on the device. */
  readonly doc: Y.Doc
  /** True when this device had never opened the board before. */
  readonly createdOnDevice: boolean
  /** Record that the server has acknowledged every local change (throttled by the caller). */
  markSynced(at?: number): Promise<void>
  /** Keep the title in the board list in step with the doc. */
  setTitle(title: string): Promise<void>
  /** Stop persisting; y-dexie destroys the doc when its last user has released it. */
  release(): void
  /** Release and destroy the doc now (before its stored state is replaced). */
  discard(): void
}

export interface OpenLocalBoardOptions {
  /** Called when a later write fails (quota, closed database): the message says what to do. */
  onStorageError(message: string): void
}

export async function openLocalBoard(
  db: BoardDatabase,
  boardId: string,
  options: OpenLocalBoardOptions,
): Promise<LocalBoard> {
  const now = Date.now()
  const createdOnDevice = await db.transaction('rw', db.boards, async () => {
    const existing = await db.boards.get(boardId)
    if (existing) {
      await db.boards.update(boardId, { lastOpened: now })
      return false
    }
    // The doc property is y-dexie's: it exists on every row without being inserted.
    await db.boards.add({ id: boardId, title: '', lastOpened: now, lastSynced: 0 } as BoardRow)
    return true
  })
  const row = await db.boards.get(boardId)
  if (!row) throw new Error(`board ${boardId} vanished from local storage while it was being opened`)
  const doc = row.doc
  const persistence = DexieYProvider.load(doc)
  persistence.on('error', (error: unknown) => options.onStorageError(describeStorageError(error)))
  await persistence.whenLoaded
  return {
    boardId,
    doc,
    createdOnDevice,
    markSynced: async (at = Date.now()) => {
      await db.boards.update(boardId, { lastSynced: at })
    },
    setTitle: async (title) => {
      await db.boards.update(boardId, { title })
    },
    // Reference-counted: React's StrictMode opens a board twice, and both get y-dexie's one cached doc.
    release: () => DexieYProvider.release(doc),
    // y-dexie would destroy a released doc a microtask later; destroying it now makes the next open
    // of this board (after a reset) build a new Y.Doc instead of returning this one from its cache.
    discard: () => {
      DexieYProvider.release(doc)
      doc.destroy()
    },
  }
}

/**
 * Replaces a board's stored doc with `state` in one transaction (the refusal reset: the old doc holds
 * an update the server will never take, and y-dexie would load it again). The caller must have
 * released the old doc first; the next `openLocalBoard` loads a fresh Y.Doc with a new client id.
 */
export async function replaceLocalBoardState(
  db: BoardDatabase,
  boardId: string,
  state: Y.Doc,
): Promise<void> {
  const updatesTable = db.table(boardUpdatesTableName(db))
  await db.transaction('rw', db.boards, updatesTable, async () => {
    const row = await db.boards.get(boardId)
    await updatesTable.where('k').equals(boardId).delete()
    await db.boards.delete(boardId)
    // y-dexie stores a snapshot of a Y.Doc given to add() as the row's first update (Dexie's insert
    // type leaves Y.Doc properties out, hence the cast).
    const replacement: BoardRow = {
      id: boardId,
      title: row?.title ?? '',
      lastOpened: row?.lastOpened ?? Date.now(),
      lastSynced: row?.lastSynced ?? 0,
      doc: state,
    }
    await db.boards.add(replacement)
  })
}

/** A board known to this device, as the home page lists it (no doc loaded). */
export type LocalBoardSummary = Pick<BoardRow, 'id' | 'title' | 'lastOpened' | 'lastSynced' | 'renamedAt'>

/** The boards on this device, most recently opened first. */
export async function listLocalBoards(db: BoardDatabase): Promise<LocalBoardSummary[]> {
  const rows = await db.boards.orderBy('lastOpened').reverse().toArray()
  return rows.map(({ id, title, lastOpened, lastSynced, renamedAt }) => ({
    id,
    title,
    lastOpened,
    lastSynced,
    ...(renamedAt === undefined ? {} : { renamedAt }),
  }))
}
