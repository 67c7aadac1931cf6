/**
 * The device's copy of every board: a Dexie database with y-dexie, Dexie's own Yjs integration.
 *
 * y-dexie keeps each row's `doc` in a hidden `$boards.doc_updates` table, one row per Yjs update
 * (V2 encoding), and merges them into one snapshot when compacted. The Hocuspocus provider speaks V1:
 * the two meet only through the shared in-memory Y.Doc, never by copying bytes between them.
 */
import { Dexie, type EntityTable } from 'dexie'
import yDexie from 'y-dexie'
import type * as Y from 'yjs'

/** One board known to this device. */
export interface BoardRow {
  /** The board id, as in `/b/<id>` and the Hocuspocus document name. */
  id: string
  /** The title last seen in the board's doc, for listing boards without loading their docs. */
  title: string
  /** When this device last opened the board (ms since epoch). */
  lastOpened: number
  /** When the server last acknowledged every local change of the board (ms since epoch); 0 = never. */
  lastSynced: number
  /**
   * When the home page last renamed the board on this device (ms since epoch); absent if never. A
   * rename newer than `lastSynced` has not reached the server yet, so the list shows it over the
   * server's title. Not indexed, so no schema version.
   */
  renamedAt?: number
  /** The board's Y.Doc, persisted by y-dexie; load it with DexieYProvider.load before reading. */
  readonly doc: Y.Doc
}

export type BoardDatabase = Dexie & { boards: EntityTable<BoardRow, 'id'> }

export const BOARD_DATABASE_NAME = 'flowmap'

export function createBoardDatabase(name: string = BOARD_DATABASE_NAME): BoardDatabase {
  const db = new Dexie(name, { addons: [yDexie] }) as BoardDatabase
  db.version(1).stores({ boards: 'id, title, lastOpened, lastSynced, doc: Y.Doc' })
  return db
}

/** The hidden table y-dexie keeps the board docs' updates in (read for compaction and resets). */
export function boardUpdatesTableName(db: BoardDatabase): string {
  const yProp = db.boards.schema.yProps?.find((p) => p.prop === 'doc')
  if (!yProp) throw new Error('the boards table has no Y.Doc property "doc": is y-dexie in the addons?')
  return yProp.updatesTable
}
