/**
 * The bytes of the asset store, one file per distinct content, named by its SHA-256 (hex) and sharded by
 * the first two digits: `DATA_DIR/assets/ab/abcdef…`. Content-addressed, so the same bytes uploaded twice
 * (or to two boards) are kept once, and a file once written never changes.
 *
 * Written durably before the database records the asset (uploads are acknowledged only after both):
 * 1. the bytes go to a temporary file in the shard, which is fsynced;
 * 2. it is renamed over the final name (atomic: a reader sees all of the file or none), and the shard
 *    directory is fsynced so the rename survives a crash;
 * 3. a failure at any step (a full disk) removes the temporary file and is reported, nothing is recorded.
 * A crash between 2 and the database write leaves an unrecorded file, which the next upload of the same
 * bytes adopts, or the asset collector removes (asset-collector.ts).
 *
 * Removal is the collector's, and only of a file the database no longer records. The database answers
 * asynchronously, so an upload may link the asset between the check and the unlink; `removeUnless`
 * therefore asks twice around a move: (a) not recorded, (b) the file is renamed aside (`.<hash>.….removing`),
 * (c) asked again: recorded now, the file is moved back; not, the aside copy is deleted. An upload links
 * (its step 2), then writes the file again if it is gone (its step 3, store-asset.ts): a link before (c)
 * is seen there and the file moved back; a link after (c) comes after (b), so its step 3 finds the name
 * empty and writes the bytes again. Either way the recorded asset ends with its file.
 * A crash between (b) and (c) leaves the aside copy; `removeTemporariesBefore` moves it back when the
 * name is empty (the next pass judges it again), so a kill never loses bytes an upload just linked.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { isAssetHash } from '@flowmap/shared'

/** One file of the store as the collector sees it. */
export interface AssetFileEntry {
  hash: string
  size: number
  /** ms since the epoch, when it was written */
  modifiedAt: number
}

export interface AssetFiles {
  /** Stores `bytes` under `hash` unless a file of that hash is there already. */
  write(hash: string, bytes: Uint8Array): Promise<void>
  /** The bytes stored under `hash`, or null. */
  read(hash: string): Promise<Uint8Array | null>
  /** Every stored file named by a hash (temporary files left by a crash are not listed). */
  list(): Promise<AssetFileEntry[]>
  /**
   * Deletes the file of `hash` unless `keep()` says otherwise, asked before the file is moved aside and
   * again after (see the header); the bytes freed, or null when it was kept or is not there.
   */
  removeUnless(hash: string, keep: () => Promise<boolean>): Promise<number | null>
  /**
   * Deletes temporary files (an upload cut off by a crash) written before `before`, and puts back under
   * its name a file a removal cut off by a crash had moved aside; how many it deleted.
   */
  removeTemporariesBefore(before: number): Promise<number>
}

export class DirectoryAssetFiles implements AssetFiles {
  readonly #root: string
  constructor(root: string) {
    this.#root = root
  }

  #path(hash: string): { shard: string; file: string } {
    const shard = join(this.#root, hash.slice(0, 2))
    return { shard, file: join(shard, hash) }
  }

  async write(hash: string, bytes: Uint8Array): Promise<void> {
    const { shard, file } = this.#path(hash)
    const existing = await stat(file).catch(() => null)
    if (existing !== null && existing.size === bytes.byteLength) return
    await mkdir(shard, { recursive: true })
    const temporary = join(shard, `.${hash}.${randomBytes(6).toString('hex')}.tmp`)
    try {
      const handle = await open(temporary, 'wx')
      try {
        await handle.writeFile(bytes)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(temporary, file)
      const directory = await open(shard, 'r')
      try {
        await directory.sync()
      } finally {
        await directory.close()
      }
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
  }

  async read(hash: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.#path(hash).file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  async list(): Promise<AssetFileEntry[]> {
    const entries: AssetFileEntry[] = []
    for (const { shard, name } of await this.#names()) {
      if (!isAssetHash(name) || name.slice(0, 2) !== shard) continue
      const stats = await stat(join(this.#root, shard, name)).catch(() => null)
      if (stats?.isFile()) entries.push({ hash: name, size: stats.size, modifiedAt: stats.mtimeMs })
    }
    return entries
  }

  async removeUnless(hash: string, keep: () => Promise<boolean>): Promise<number | null> {
    if (await keep()) return null
    const { shard, file } = this.#path(hash)
    const aside = join(shard, `.${hash}.${randomBytes(6).toString('hex')}${ASIDE_SUFFIX}`)
    if (!(await movedIfThere(file, aside))) return null
    let kept: boolean
    try {
      kept = await keep()
    } catch (error) {
      await movedIfThere(aside, file)
      throw error
    }
    if (kept) {
      // Over a copy an upload wrote meanwhile, if any: the same bytes, by their name.
      await movedIfThere(aside, file)
      return null
    }
    const stats = await stat(aside).catch(() => null)
    // Gone: another process's sweep put it back (it judged it mid-removal); it stays.
    if (stats === null) return null
    await rm(aside, { force: true })
    return stats.size
  }

  async removeTemporariesBefore(before: number): Promise<number> {
    let removed = 0
    for (const { shard, name } of await this.#names()) {
      if (name.endsWith(ASIDE_SUFFIX)) {
        await this.#putBack(shard, name)
        continue
      }
      if (!name.endsWith('.tmp')) continue
      const path = join(this.#root, shard, name)
      const stats = await stat(path).catch(() => null)
      if (stats === null || stats.mtimeMs >= before) continue
      await rm(path, { force: true })
      removed++
    }
    return removed
  }

  /** A file a removal moved aside and never finished with: back under its name, unless one is there. */
  async #putBack(shard: string, name: string): Promise<void> {
    const hash = name.slice(1, 65)
    if (!isAssetHash(hash) || hash.slice(0, 2) !== shard) return
    const aside = join(this.#root, shard, name)
    const { file } = this.#path(hash)
    if ((await stat(file).catch(() => null)) === null) await movedIfThere(aside, file)
    else await rm(aside, { force: true })
  }

  /** Every name in every shard directory. */
  async #names(): Promise<{ shard: string; name: string }[]> {
    const shards = await readdir(this.#root).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[]
      throw error
    })
    const names: { shard: string; name: string }[] = []
    for (const shard of shards) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue
      const inShard = await readdir(join(this.#root, shard)).catch(() => [] as string[])
      for (const name of inShard) names.push({ shard, name })
    }
    return names
  }
}

/** A removal's name for a file it moved aside while it asks the database again. */
const ASIDE_SUFFIX = '.removing'

/** Renames `from` to `to`; false when `from` is not there. */
async function movedIfThere(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}

/** For a server without a data directory (tests, a throwaway demo): gone when the process ends. */
export class MemoryAssetFiles implements AssetFiles {
  readonly #files = new Map<string, { bytes: Uint8Array; modifiedAt: number }>()
  async write(hash: string, bytes: Uint8Array): Promise<void> {
    if (!this.#files.has(hash))
      this.#files.set(hash, { bytes: new Uint8Array(bytes), modifiedAt: Date.now() })
  }
  async read(hash: string): Promise<Uint8Array | null> {
    return this.#files.get(hash)?.bytes ?? null
  }
  async list(): Promise<AssetFileEntry[]> {
    return [...this.#files].map(([hash, { bytes, modifiedAt }]) => ({
      hash,
      size: bytes.byteLength,
      modifiedAt,
    }))
  }
  async removeUnless(hash: string, keep: () => Promise<boolean>): Promise<number | null> {
    if (await keep()) return null
    const file = this.#files.get(hash)
    if (file === undefined) return null
    // Asked again with the file out of the map, as the directory's removal does (see its header).
    this.#files.delete(hash)
    let kept = true
    try {
      kept = await keep()
    } finally {
      if (kept && !this.#files.has(hash)) this.#files.set(hash, file)
    }
    return kept ? null : file.bytes.byteLength
  }
  async removeTemporariesBefore(): Promise<number> {
    return 0
  }
}
