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
 * bytes adopts.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

export interface AssetFiles {
  /** Stores `bytes` under `hash` unless a file of that hash is there already. */
  write(hash: string, bytes: Uint8Array): Promise<void>
  /** The bytes stored under `hash`, or null. */
  read(hash: string): Promise<Uint8Array | null>
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
}

/** For a server without a data directory (tests, a throwaway demo): gone when the process ends. */
export class MemoryAssetFiles implements AssetFiles {
  readonly #files = new Map<string, Uint8Array>()
  async write(hash: string, bytes: Uint8Array): Promise<void> {
    if (!this.#files.has(hash)) this.#files.set(hash, new Uint8Array(bytes))
  }
  async read(hash: string): Promise<Uint8Array | null> {
    return this.#files.get(hash) ?? null
  }
}
