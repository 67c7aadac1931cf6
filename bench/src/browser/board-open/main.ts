/**
 * Browser side of board-open-bench.ts: stores one board doc in IndexedDB two ways and opens it back.
 *   - Dexie + y-dexie with the client's own `boards` schema (client/src/storage/board-database.ts);
 *   - y-indexeddb, the usual Yjs IndexedDB provider, as the reference.
 * "Open" = from a fresh page to a loaded Y.Doc whose records have been read out (what the board needs
 * before tldraw can show it).
 */
import { readRecords } from '@flowmap/shared'
import { Dexie } from 'dexie'
import yDexie, { DexieYProvider } from 'y-dexie'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'

const BOARD_ID = 'bench-board'

function openDexie() {
  const db = new Dexie('flowmap-bench', { addons: [yDexie] }) as Dexie & {
    boards: Dexie.Table<
      { id: string; title: string; lastOpened: number; lastSynced: number; doc: Y.Doc },
      string
    >
  }
  db.version(1).stores({ boards: 'id, title, lastOpened, lastSynced, doc: Y.Doc' })
  return db
}

async function seedDexie(update: number[]): Promise<void> {
  const db = openDexie()
  await db.boards.put({ id: BOARD_ID, title: 'bench', lastOpened: 0, lastSynced: 0 } as never)
  const row = await db.boards.get(BOARD_ID)
  if (!row) throw new Error('the seeded row is missing')
  const provider = DexieYProvider.load(row.doc)
  await provider.whenLoaded
  Y.applyUpdate(row.doc, Uint8Array.from(update))
  // y-dexie writes the update asynchronously: wait until its hidden table has it before the page goes.
  const updates = db.table('$boards.doc_updates')
  while ((await updates.count()) === 0) await new Promise((resolve) => setTimeout(resolve, 20))
  DexieYProvider.release(row.doc)
  db.close()
}

async function seedIndexeddb(update: number[]): Promise<void> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Uint8Array.from(update))
  const persistence = new IndexeddbPersistence(BOARD_ID, doc)
  await persistence.whenSynced
  await persistence.destroy()
}

async function openFromDexie(): Promise<{ ms: number; records: number }> {
  const started = performance.now()
  const db = openDexie()
  const row = await db.boards.get(BOARD_ID)
  if (!row) throw new Error('no board row in Dexie')
  const provider = DexieYProvider.load(row.doc)
  await provider.whenLoaded
  const records = readRecords(row.doc).length
  return { ms: performance.now() - started, records }
}

async function openFromIndexeddb(): Promise<{ ms: number; records: number }> {
  const started = performance.now()
  const doc = new Y.Doc()
  const persistence = new IndexeddbPersistence(BOARD_ID, doc)
  await persistence.whenSynced
  const records = readRecords(doc).length
  return { ms: performance.now() - started, records }
}

Object.assign(window, { boardOpen: { seedDexie, seedIndexeddb, openFromDexie, openFromIndexeddb } })
