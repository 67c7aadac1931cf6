/**
 * The device's copy of boards' histories, so replay and "since your last visit" download only what is
 * new, and replay still opens (up to what this device has seen) with no connection.
 *
 * The server's history is append-only (a restore is a new entry), so a cached prefix stays true as long
 * as it is the same board's history: the loader checks that the server still has the cached last entry,
 * byte for byte, before it trusts the rest (a server reset would start a board id's seqs over).
 *
 * A Dexie database of its own, apart from the boards database: a cache that can be dropped at any time
 * without touching anyone's board. Storage failures only make loading slower; they are reported to the
 * console, never block replay.
 */
import type { HistoryEntry } from '@flowmap/shared'
import { Dexie, type Table } from 'dexie'

export const HISTORY_CACHE_NAME = 'flowmap-history'

type EntryRow = HistoryEntry & { boardId: string }
type NameRow = { boardId: string; userId: string; name: string }

export interface CachedHistory {
  /** seq 1…n with no gaps: the longest gap-free prefix the device holds */
  entries: HistoryEntry[]
  names: Record<string, string>
}

export interface HistoryCache {
  read(boardId: string): Promise<CachedHistory>
  append(boardId: string, entries: readonly HistoryEntry[], names: Record<string, string>): Promise<void>
  /** Forgets a board's cached history (it no longer matches the server's). */
  drop(boardId: string): Promise<void>
  close(): void
}

type HistoryDatabase = Dexie & {
  entries: Table<EntryRow, [string, number]>
  names: Table<NameRow, [string, string]>
}

export function openHistoryCache(name: string = HISTORY_CACHE_NAME): HistoryCache {
  const db = new Dexie(name) as HistoryDatabase
  db.version(1).stores({ entries: '[boardId+seq]', names: '[boardId+userId]' })
  const entriesOf = (boardId: string) =>
    db.entries.where('[boardId+seq]').between([boardId, Dexie.minKey], [boardId, Dexie.maxKey])
  const namesOf = (boardId: string) =>
    db.names.where('[boardId+userId]').between([boardId, Dexie.minKey], [boardId, Dexie.maxKey])

  return {
    async read(boardId) {
      const [rows, nameRows] = await Promise.all([entriesOf(boardId).toArray(), namesOf(boardId).toArray()])
      const entries: HistoryEntry[] = []
      // Rows come in seq order; stop at the first gap (a write cut short), the rest is fetched again.
      for (const { boardId: _board, ...entry } of rows) {
        if (entry.seq !== entries.length + 1) break
        entries.push(entry)
      }
      return { entries, names: Object.fromEntries(nameRows.map((row) => [row.userId, row.name])) }
    },
    async append(boardId, entries, names) {
      await db.transaction('rw', db.entries, db.names, async () => {
        await db.entries.bulkPut(entries.map((entry) => ({ ...entry, boardId })))
        await db.names.bulkPut(Object.entries(names).map(([userId, name]) => ({ boardId, userId, name })))
      })
    },
    async drop(boardId) {
      await db.transaction('rw', db.entries, db.names, async () => {
        await entriesOf(boardId).delete()
        await namesOf(boardId).delete()
      })
    },
    close: () => db.close(),
  }
}

/**
 * Runs `use` with this device's history cache, closed afterwards (no handle outlives its use);
 * undefined where there is no IndexedDB, and loading then uses the network only.
 */
export async function withDeviceHistoryCache<T>(
  use: (cache: HistoryCache | undefined) => Promise<T>,
): Promise<T> {
  if (typeof indexedDB === 'undefined') return use(undefined)
  const cache = openHistoryCache()
  try {
    return await use(cache)
  } finally {
    cache.close()
  }
}
