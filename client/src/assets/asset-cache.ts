/**
 * This device's copy of a board's images and files (IndexedDB through Dexie), by the SHA-256 of their
 * bytes: what was dropped here (kept until the server has it, so it shows offline and after a reload,
 * and is uploaded when the connection is back), and what was fetched (so it shows offline next time).
 *
 * It must not grow forever: `evictAssetCache` (run at board open, when the page is idle) removes files
 * the server holds and no one drew for a while, oldest-used first, while the cache is over its budget.
 */
import { Dexie, type EntityTable } from 'dexie'

/** One stored file, field by field. */
export interface CachedAsset {
  /** SHA-256 of the bytes, hex: the key, and the last segment of the asset's path */
  hash: string
  /** the board whose asset path names it (uploads go there) */
  boardId: string
  /** sniffed from the bytes when it was dropped, or the server's Content-Type when fetched */
  mimeType: string
  /** the file's name when dropped here ('' when fetched) */
  name: string
  blob: Blob
  /** 1 once the server has it (dropped here and uploaded, or fetched from it); 0 while it waits */
  uploaded: 0 | 1
  /** why the server refused it, when it did: not sent again */
  refused?: string
  /** when it was last stored or drawn (ms since the epoch): eviction takes the oldest first */
  lastUsed: number
  /** the blob's size in bytes, so the budget is summed without reading the blobs */
  size: number
}

export type AssetCacheDatabase = Dexie & { assets: EntityTable<CachedAsset, 'hash'> }

export const ASSET_CACHE_DATABASE = 'flowmap-assets'

const DAY_MS = 24 * 60 * 60 * 1000

export interface AssetCacheBudget {
  /**
   * The most the cache keeps before it evicts.
   * @default 200 MiB: a few hundred photos; well within what browsers grant a site.
   */
  maxBytes: number
  /**
   * A file drawn more recently than this is kept whatever the budget: it is likely drawn again soon.
   * @default 14 days
   */
  minIdleMs: number
}

export const DEFAULT_ASSET_CACHE_BUDGET: AssetCacheBudget = {
  maxBytes: 200 * 1024 * 1024,
  minIdleMs: 14 * DAY_MS,
}

export function openAssetCache(name = ASSET_CACHE_DATABASE): AssetCacheDatabase {
  const db = new Dexie(name) as AssetCacheDatabase
  db.version(1).stores({ assets: 'hash, [boardId+uploaded]' })
  db.version(2)
    .stores({ assets: 'hash, [boardId+uploaded], lastUsed' })
    .upgrade((transaction) =>
      transaction
        .table<CachedAsset>('assets')
        .toCollection()
        .modify((row) => {
          row.lastUsed = Date.now()
          row.size = row.blob.size
        }),
    )
  return db
}

/** The files of a board still waiting for the server (and not refused by it). */
export async function waitingUploads(db: AssetCacheDatabase, boardId: string): Promise<CachedAsset[]> {
  const rows = await db.assets.where('[boardId+uploaded]').equals([boardId, 0]).toArray()
  return rows.filter((row) => row.refused === undefined)
}

/** Writes down that a file was drawn now; at most once an hour, so drawing costs no write per frame. */
export async function markAssetUsed(
  db: AssetCacheDatabase,
  row: CachedAsset,
  now = Date.now(),
): Promise<void> {
  if (now - row.lastUsed < 60 * 60 * 1000) return
  await db.assets.update(row.hash, { lastUsed: now })
}

/**
 * Removes files while the cache is over `budget.maxBytes`:
 * 1. only files the server holds (`uploaded`), never one still waiting to be sent, and only those
 *    not drawn for `budget.minIdleMs`;
 * 2. least recently used first, until the cache fits.
 * Returns the hashes removed.
 */
export async function evictAssetCache(
  db: AssetCacheDatabase,
  budget: AssetCacheBudget = DEFAULT_ASSET_CACHE_BUDGET,
  now = Date.now(),
): Promise<string[]> {
  return db.transaction('rw', db.assets, async () => {
    let total = 0
    const candidates: { hash: string; size: number }[] = []
    // Oldest-used first (the index), reading the small fields only: a Blob in a row is a handle.
    await db.assets.orderBy('lastUsed').each((row) => {
      const size = row.size ?? row.blob.size
      total += size
      if (row.uploaded === 1 && now - row.lastUsed >= budget.minIdleMs)
        candidates.push({ hash: row.hash, size })
    })
    const evicted: string[] = []
    for (const candidate of candidates) {
      if (total <= budget.maxBytes) break
      evicted.push(candidate.hash)
      total -= candidate.size
    }
    await db.assets.bulkDelete(evicted)
    return evicted
  })
}
