/**
 * The asset collector on real parts: a real SQLite file and real asset files in a temp DATA_DIR, the
 * boards' histories written with the times each case needs, and the clock passed in.
 */
import { existsSync, readdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { declareBoardRoots, deleteRecord, type StoredRecord, writeRecord } from '@flowmap/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { asyncStorageOf } from '../storage/async-board-storage.ts'
import { SqliteStorage } from '../storage/sqlite-storage.ts'
import { solidPng } from '../testing/solid-png.ts'
import { useTempDirs } from '../testing/temp-dirs.ts'
import { startTestServer, TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { type AssetCollectionOptions, type CollectionStep, collectAssets } from './asset-collector.ts'
import { type AssetFiles, DirectoryAssetFiles } from './asset-files.ts'
import { storeAsset } from './store-asset.ts'

const DAY = 24 * 60 * 60 * 1000
const RETENTION = 30 * DAY
const tempDir = useTempDirs()

/** A fixed start, real enough for the files' times (written now) to be "long ago" 40 days later. */
const t0 = Date.now()

function imageAsset(id: string, src: string): StoredRecord {
  return {
    id,
    typeName: 'asset',
    type: 'image',
    props: { name: 'photo.png', src, w: 4, h: 3, mimeType: 'image/png', isAnimated: false },
    meta: {},
  } as StoredRecord
}

/** A temp DATA_DIR with its storage and files, and boards whose history a test writes at given times. */
function dataDir() {
  const dir = tempDir()
  const open = () =>
    asyncStorageOf(new SqliteStorage({ path: join(dir, 'flowmap.db'), synchronous: 'normal' }))
  let storage = open()
  const files = new DirectoryAssetFiles(join(dir, 'assets'))
  const docs = new Map<string, Y.Doc>()

  async function board(id: string) {
    if (!docs.has(id)) {
      docs.set(id, declareBoardRoots(new Y.Doc()))
      await storage.createBoard({ id, title: id, now: t0 })
    }
    const doc = docs.get(id)!
    /** One history entry at `time`, made by `change`. */
    const at = (time: number, change: (doc: Y.Doc) => void): Promise<number> => {
      const updates: Uint8Array[] = []
      const listen = (update: Uint8Array) => updates.push(update)
      doc.on('update', listen)
      change(doc)
      doc.off('update', listen)
      return storage.appendUpdate({
        boardId: id,
        time,
        userId: 'u-ada',
        userName: 'Ada',
        clientId: doc.clientID,
        update: Y.mergeUpdates(updates),
      })
    }
    return {
      id,
      at,
      addImage: (time: number, assetId: string, hash: string) =>
        at(time, (d) => writeRecord(d, imageAsset(assetId, `/api/boards/${id}/assets/${hash}`))),
      removeImage: (time: number, assetId: string) => at(time, (d) => deleteRecord(d, assetId)),
      checkpoint: async (time: number) =>
        storage.writeCheckpoint(id, {
          seq: await storage.lastSeq(id),
          state: Y.encodeStateAsUpdate(doc),
          time,
        }),
    }
  }

  async function upload(boardId: string, bytes: Uint8Array, now: number, into: AssetFiles = files) {
    await board(boardId)
    const stored = await storeAsset({ storage, files: into, boardId, bytes, name: 'photo.png', now })
    if (!stored.ok) throw new Error(stored.message)
    return stored.hash
  }

  return {
    dir,
    files,
    get storage() {
      return storage
    },
    board,
    upload,
    collect: (now: number, options: Partial<AssetCollectionOptions> = {}) =>
      collectAssets({ storage, files, retentionMs: RETENTION, now, ...options }),
    fileExists: (hash: string) => existsSync(join(dir, 'assets', hash.slice(0, 2), hash)),
    linked: async (boardId: string) => (await storage.assetLinks(boardId)).map((link) => link.hash),
    close: () => storage.close(),
    reopen: () => {
      storage = open()
    },
  }
}

const red = solidPng(4, 3, [200, 30, 30])
const blue = solidPng(4, 3, [30, 30, 200])

describe('the asset collector', () => {
  it('keeps an asset the live board refers to, however old', async () => {
    const data = dataDir()
    const hash = await data.upload('a', red, t0)
    await (await data.board('a')).addImage(t0, 'asset:red', hash)
    const collection = await data.collect(t0 + 400 * DAY)
    expect(collection.unlinked).toEqual([])
    expect(await data.linked('a')).toEqual([hash])
    expect(data.fileExists(hash)).toBe(true)
    await data.close()
  })

  it('collects an asset deleted 40 days ago that no moment in the window shows: its file is gone and GET answers 404', async () => {
    const data = dataDir()
    const hash = await data.upload('a', red, t0)
    const keep = await data.upload('a', blue, t0)
    const a = await data.board('a')
    await a.addImage(t0, 'asset:red', hash)
    await a.addImage(t0, 'asset:blue', keep)
    await a.removeImage(t0 + 60_000, 'asset:red')
    const collection = await data.collect(t0 + 40 * DAY)
    expect(collection.unlinked).toEqual([{ boardId: 'a', hash, size: red.byteLength }])
    expect(collection.deletedFiles).toEqual([{ hash, size: red.byteLength }])
    expect(collection.bytesFreed).toBe(red.byteLength)
    expect(await data.linked('a')).toEqual([keep])
    expect(data.fileExists(hash)).toBe(false)
    expect(data.fileExists(keep)).toBe(true)
    await data.close()

    const running = await startTestServer({ authSecret: TEST_SECRET }, data.dir)
    try {
      const token = await testToken({ sub: 'u-ada', board: 'a', role: 'viewer' })
      const get = (h: string) =>
        fetch(`${running.server.url}/api/boards/a/assets/${h}`, {
          headers: { authorization: `Bearer ${token}` },
        })
      expect((await get(hash)).status).toBe(404)
      expect((await get(keep)).status).toBe(200)
    } finally {
      await running.server.close()
    }
  })

  it('keeps an asset deleted 2 days ago, which replay of the window still shows, and collects it once the window has passed', async () => {
    const data = dataDir()
    const hash = await data.upload('a', red, t0)
    const a = await data.board('a')
    await a.addImage(t0, 'asset:red', hash)
    // Long before the deletion, so the board as the window opens (40 - 30 = day 10) holds the image.
    await a.removeImage(t0 + 38 * DAY, 'asset:red')
    expect((await data.collect(t0 + 40 * DAY)).unlinked).toEqual([])
    expect(data.fileExists(hash)).toBe(true)
    expect((await data.collect(t0 + 69 * DAY)).unlinked).toEqual([
      { boardId: 'a', hash, size: red.byteLength },
    ])
    expect(data.fileExists(hash)).toBe(false)
    await data.close()
  })

  it('keeps an asset that only a moment inside the window showed: found in the stored bytes of the entries since', async () => {
    const data = dataDir()
    const hash = await data.upload('a', red, t0)
    const a = await data.board('a')
    await a.addImage(t0 + 35 * DAY, 'asset:red', hash)
    await a.removeImage(t0 + 36 * DAY, 'asset:red')
    const collection = await data.collect(t0 + 40 * DAY)
    expect(collection.unlinked).toEqual([])
    expect(collection.historyEntriesRead).toBe(2)
    expect(data.fileExists(hash)).toBe(true)
    await data.close()
  })

  it('rebuilds the window start from the checkpoint before it: kept when that moment shows the image, collected when it was deleted before', async () => {
    const data = dataDir()
    const shown = await data.upload('a', red, t0)
    const gone = await data.upload('a', blue, t0)
    const a = await data.board('a')
    await a.addImage(t0, 'asset:red', shown)
    await a.addImage(t0, 'asset:blue', gone)
    await a.checkpoint(t0 + DAY)
    await a.removeImage(t0 + 2 * DAY, 'asset:blue')
    for (let i = 0; i < 300; i++) await a.at(t0 + 3 * DAY, (d) => d.getMap('board').set('title', `v${i}`))
    await a.removeImage(t0 + 20 * DAY, 'asset:red')
    const collection = await data.collect(t0 + 40 * DAY)
    expect(collection.unlinked.map((link) => link.hash)).toEqual([gone])
    // From the checkpoint on: its 303 later entries, not the two before it.
    expect(collection.historyEntriesRead).toBe(302)
    expect(data.fileExists(shown)).toBe(true)
    await data.close()
  })

  it('keeps the file of an asset two boards share when one of them no longer refers to it', async () => {
    const data = dataDir()
    const hash = await data.upload('a', red, t0)
    await data.upload('b', red, t0)
    await (await data.board('b')).addImage(t0, 'asset:red', hash)
    await (await data.board('a')).at(t0, (d) => d.getMap('board').set('title', 'no image here'))
    const collection = await data.collect(t0 + 40 * DAY)
    expect(collection.unlinked).toEqual([{ boardId: 'a', hash, size: red.byteLength }])
    expect(collection.deletedFiles).toEqual([])
    expect(await data.linked('a')).toEqual([])
    expect(await data.linked('b')).toEqual([hash])
    expect(data.fileExists(hash)).toBe(true)
    await data.close()
  })

  it('collects an upload never referred to once it is older than the window, and keeps a recent one', async () => {
    const data = dataDir()
    const old = await data.upload('a', red, t0)
    const recent = await data.upload('a', blue, t0 + 35 * DAY)
    const collection = await data.collect(t0 + 40 * DAY)
    expect(collection.unlinked).toEqual([{ boardId: 'a', hash: old, size: red.byteLength }])
    expect(data.fileExists(old)).toBe(false)
    expect(await data.linked('a')).toEqual([recent])
    expect(data.fileExists(recent)).toBe(true)
    await data.close()
  })

  it('in a dry run reports what it would collect and changes nothing', async () => {
    const data = dataDir()
    const hash = await data.upload('a', red, t0)
    const dry = await data.collect(t0 + 40 * DAY, { dryRun: true })
    expect(dry).toMatchObject({
      dryRun: true,
      unlinked: [{ boardId: 'a', hash, size: red.byteLength }],
      deletedFiles: [{ hash, size: red.byteLength }],
      bytesFreed: red.byteLength,
    })
    expect(await data.linked('a')).toEqual([hash])
    expect(await data.storage.isAssetRecorded(hash)).toBe(true)
    expect(data.fileExists(hash)).toBe(true)
    const real = await data.collect(t0 + 40 * DAY)
    expect({ ...real, dryRun: true }).toEqual(dry)
    expect(data.fileExists(hash)).toBe(false)
    await data.close()
  })

  it("leaves a deleted board's assets while it can be restored, and collects them once it is purged", async () => {
    const data = dataDir()
    const hash = await data.upload('a', red, t0)
    await data.storage.markBoardDeleted('a', t0 + DAY)
    expect((await data.collect(t0 + 40 * DAY)).deletedFiles).toEqual([])
    expect(data.fileExists(hash)).toBe(true)
    expect(await data.storage.purgeBoardsDeletedBefore(t0 + 31 * DAY)).toEqual(['a'])
    expect((await data.collect(t0 + 40 * DAY)).deletedFiles).toEqual([{ hash, size: red.byteLength }])
    expect(data.fileExists(hash)).toBe(false)
    await data.close()
  })

  it('after a kill between the database and the files, the next pass deletes the files nobody records', async () => {
    const data = dataDir()
    const hash = await data.upload('a', red, t0)
    // What a pass killed after its commit leaves: the database forgot the asset, its file is still there.
    await data.storage.unlinkAsset('a', hash, t0)
    await data.storage.forgetUnlinkedAsset(hash)
    const temporary = join(data.dir, 'assets', hash.slice(0, 2), `.${hash}.abc123.tmp`)
    writeFileSync(temporary, 'half an upload')
    const longAgo = new Date(t0 - 2 * 60 * 60 * 1000)
    utimesSync(temporary, longAgo, longAgo)
    await data.close()
    data.reopen()
    const collection = await data.collect(t0 + DAY)
    expect(collection.deletedFiles).toEqual([{ hash, size: red.byteLength }])
    expect(data.fileExists(hash)).toBe(false)
    expect(existsSync(temporary)).toBe(false)
    await data.close()
  })

  it('after a kill while a file was moved aside to be deleted, the next pass puts it back under its name', async () => {
    const data = dataDir()
    const hash = await data.upload('a', red, t0)
    const shard = join(data.dir, 'assets', hash.slice(0, 2))
    // What a pass killed between moving the file aside and asking the database again leaves.
    renameSync(join(shard, hash), join(shard, `.${hash}.abc123.removing`))
    expect(data.fileExists(hash)).toBe(false)
    const collection = await data.collect(t0 + DAY)
    expect(collection.deletedFiles).toEqual([])
    expect(data.fileExists(hash)).toBe(true)
    expect(readdirSync(shard)).toEqual([hash])
    await data.close()
  })

  describe('under races', () => {
    const now = t0 + 40 * DAY

    /** Runs a pass that calls `act` once, when it reaches `step`. */
    function collectActingAt(
      data: ReturnType<typeof dataDir>,
      step: CollectionStep['step'],
      act: () => Promise<void>,
    ) {
      let acted = false
      return data.collect(now, {
        pause: async (at) => {
          if (at.step !== step || acted) return
          acted = true
          await act()
        },
      })
    }

    it('keeps an asset uploaded again while the pass reads the history', async () => {
      const data = dataDir()
      const hash = await data.upload('a', red, t0)
      const collection = await collectActingAt(data, 'board-scanned', async () => {
        await data.upload('a', red, now)
      })
      expect(collection.unlinked).toEqual([])
      expect(await data.linked('a')).toEqual([hash])
      expect(data.fileExists(hash)).toBe(true)
      await data.close()
    })

    it('keeps an asset a record refers to from an update accepted during the pass', async () => {
      const data = dataDir()
      const hash = await data.upload('a', red, t0)
      const a = await data.board('a')
      const collection = await collectActingAt(data, 'board-scanned', async () => {
        await a.addImage(now, 'asset:red', hash)
      })
      expect(collection.unlinked).toEqual([])
      expect(data.fileExists(hash)).toBe(true)
      await data.close()
    })

    it('keeps the file when another board uploads the same bytes between forgetting the asset and deleting files', async () => {
      const data = dataDir()
      const hash = await data.upload('a', red, t0)
      const collection = await collectActingAt(data, 'assets-forgotten', async () => {
        await data.upload('b', red, now)
      })
      expect(collection.unlinked).toEqual([{ boardId: 'a', hash, size: red.byteLength }])
      expect(collection.deletedFiles).toEqual([])
      expect(await data.linked('b')).toEqual([hash])
      expect(data.fileExists(hash)).toBe(true)
      await data.close()
    })

    it('keeps the file when an upload links it after the pass was told it is not recorded, and before it is deleted', async () => {
      const data = dataDir()
      const hash = await data.upload('a', red, t0)
      // The database's "not recorded" arrives after the upload has linked the bytes and found its file
      // in place (its write again after linking has nothing to do): the answer was true when asked.
      let uploaded = false
      const late = Object.assign(Object.create(data.storage) as typeof data.storage, {
        isAssetRecorded: async (h: string) => {
          const recorded = await data.storage.isAssetRecorded(h)
          if (!uploaded) {
            uploaded = true
            await data.upload('b', red, now)
          }
          return recorded
        },
      })
      const collection = await data.collect(now, { storage: late })
      expect(uploaded).toBe(true)
      expect(collection.deletedFiles).toEqual([])
      expect(await data.linked('b')).toEqual([hash])
      expect(data.fileExists(hash)).toBe(true)
      expect(new Uint8Array((await data.files.read(hash)) ?? [])).toEqual(new Uint8Array(red))
      await data.close()
    })

    it('an upload that found the file in place just before the pass deleted it writes it again once linked', async () => {
      const data = dataDir()
      const hash = await data.upload('a', red, t0)
      // The upload's first write finds the file and returns; it then waits, before linking, for the pass.
      let release: () => void = () => {}
      const gate = new Promise<void>((resolve) => {
        release = resolve
      })
      let writes = 0
      const gated: AssetFiles = Object.assign(Object.create(data.files) as AssetFiles, {
        write: async (h: string, bytes: Uint8Array) => {
          await data.files.write(h, bytes)
          if (writes++ === 0) await gate
        },
      })
      const uploading = data.upload('b', red, now, gated)
      await new Promise((resolve) => setImmediate(resolve))
      const collection = await data.collect(now)
      expect(collection.deletedFiles).toEqual([{ hash, size: red.byteLength }])
      expect(data.fileExists(hash)).toBe(false)
      release()
      await uploading
      expect(await data.linked('b')).toEqual([hash])
      expect(data.fileExists(hash)).toBe(true)
      await data.close()
    })
  })
})
