/**
 * This device's copy of a board's images and files (IndexedDB through Dexie), by the SHA-256 of their
 * bytes: what was dropped here (kept until the server has it, so it shows offline and after a reload,
 * and is uploaded when the connection is back), and what was fetched (so it shows offline next time).
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
}

export type AssetCacheDatabase = Dexie & { assets: EntityTable<CachedAsset, 'hash'> }

export const ASSET_CACHE_DATABASE = 'flowmap-assets'

export function openAssetCache(name = ASSET_CACHE_DATABASE): AssetCacheDatabase {
  const db = new Dexie(name) as AssetCacheDatabase
  db.version(1).stores({ assets: 'hash, [boardId+uploaded]' })
  return db
}

/** The files of a board still waiting for the server (and not refused by it). */
export async function waitingUploads(db: AssetCacheDatabase, boardId: string): Promise<CachedAsset[]> {
  const rows = await db.assets.where('[boardId+uploaded]').equals([boardId, 0]).toArray()
  return rows.filter((row) => row.refused === undefined)
}
