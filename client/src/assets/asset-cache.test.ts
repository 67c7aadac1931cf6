import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import {
  type AssetCacheDatabase,
  type CachedAsset,
  evictAssetCache,
  markAssetUsed,
  openAssetCache,
} from './asset-cache.ts'

const DAY = 24 * 60 * 60 * 1000
const NOW = Date.UTC(2026, 11, 3)
const MB = 1024 * 1024

const opened: AssetCacheDatabase[] = []
function open(name: string) {
  const db = openAssetCache(name)
  opened.push(db)
  return db
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

function file(hash: string, sizeMb: number, daysAgo: number, uploaded: 0 | 1 = 1): CachedAsset {
  const size = sizeMb * MB
  return {
    hash,
    boardId: 'b1',
    mimeType: 'image/png',
    name: `${hash}.png`,
    blob: new Blob([new Uint8Array(16)], { type: 'image/png' }),
    uploaded,
    lastUsed: NOW - daysAgo * DAY,
    size,
  }
}

const budget = { maxBytes: 100 * MB, minIdleMs: 14 * DAY }

async function hashes(db: AssetCacheDatabase) {
  return (await db.assets.toArray()).map((row) => row.hash).sort()
}

describe('the device asset cache', () => {
  it('under its budget keeps everything, however old', async () => {
    const db = open('cache-under-budget')
    await db.assets.bulkPut([file('a', 40, 300), file('b', 40, 200)])
    expect(await evictAssetCache(db, budget, NOW)).toEqual([])
    expect(await hashes(db)).toEqual(['a', 'b'])
  })

  it('over its budget drops the least recently used files until it fits', async () => {
    const db = open('cache-over-budget')
    await db.assets.bulkPut([file('old', 50, 90), file('older', 50, 120), file('recent', 50, 30)])
    expect(await evictAssetCache(db, budget, NOW)).toEqual(['older'])
    expect(await hashes(db)).toEqual(['old', 'recent'])
    expect(await evictAssetCache(db, { ...budget, maxBytes: 20 * MB }, NOW)).toEqual(['old', 'recent'])
  })

  it('never drops a file still waiting to upload, nor one drawn in the last days', async () => {
    const db = open('cache-protected')
    await db.assets.bulkPut([file('waiting', 80, 400, 0), file('fresh', 80, 2), file('stale', 10, 60)])
    expect(await evictAssetCache(db, budget, NOW)).toEqual(['stale'])
    expect(await hashes(db)).toEqual(['fresh', 'waiting'])
  })

  it('drawing a file keeps it: its last use moves to now (at most one write an hour)', async () => {
    const db = open('cache-drawn')
    await db.assets.bulkPut([file('drawn', 60, 90), file('forgotten', 60, 80)])
    await markAssetUsed(db, (await db.assets.get('drawn'))!, NOW)
    expect((await db.assets.get('drawn'))?.lastUsed).toBe(NOW)
    await markAssetUsed(db, (await db.assets.get('drawn'))!, NOW + 1000)
    expect((await db.assets.get('drawn'))?.lastUsed).toBe(NOW)
    expect(await evictAssetCache(db, budget, NOW)).toEqual(['forgotten'])
  })

  it('files cached before last use was tracked are counted and dated from the upgrade', async () => {
    const name = 'cache-v1'
    const v1 = new Dexie(name)
    v1.version(1).stores({ assets: 'hash, [boardId+uploaded]' })
    const { lastUsed: _lastUsed, size: _size, ...old } = file('v1', 1, 0)
    await v1.table('assets').put(old)
    v1.close()
    const before = Date.now()
    const db = open(name)
    const row = await db.assets.get('v1')
    expect(row?.size).toBe(16)
    expect(row?.lastUsed).toBeGreaterThanOrEqual(before)
  })
})
