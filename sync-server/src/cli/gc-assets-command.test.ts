import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { DirectoryAssetFiles } from '../assets/asset-files.ts'
import { storeAsset } from '../assets/store-asset.ts'
import { asyncStorageOf } from '../storage/async-board-storage.ts'
import { SqliteStorage } from '../storage/sqlite-storage.ts'
import { solidPng } from '../testing/solid-png.ts'
import { useTempDirs } from '../testing/temp-dirs.ts'
import { gcAssetsCommand } from './gc-assets-command.ts'

const DAY = 24 * 60 * 60 * 1000
const tempDir = useTempDirs()
const png = solidPng(4, 3, [10, 120, 10])

/** A DATA_DIR whose board 'ops' holds one upload from `uploadedAt` that nothing refers to. */
async function dataDirWithOldUpload(uploadedAt: number) {
  const dir = tempDir()
  const storage = new SqliteStorage({ path: join(dir, 'flowmap.db'), synchronous: 'normal' })
  storage.createBoard({ id: 'ops', title: 'Ops', now: uploadedAt })
  const stored = await storeAsset({
    storage: asyncStorageOf(storage),
    files: new DirectoryAssetFiles(join(dir, 'assets')),
    boardId: 'ops',
    bytes: png,
    name: 'photo.png',
    now: uploadedAt,
  })
  if (!stored.ok) throw new Error(stored.message)
  const file = join(dir, 'assets', stored.hash.slice(0, 2), stored.hash)
  return { dir, storage, hash: stored.hash, file }
}

describe('flowmap gc-assets', () => {
  it('prints what a dry run would collect, changing nothing, then collects it and prints the bytes freed', async () => {
    const now = Date.now()
    const { dir, storage, hash, file } = await dataDirWithOldUpload(now - 40 * DAY)
    storage.close()
    const env = { DATA_DIR: dir, FLOWMAP_ASSET_RETENTION_DAYS: '30' }
    const dry = await gcAssetsCommand(['--dry-run'], env, now)
    if (!dry.ok) throw new Error(dry.error)
    expect(dry.output.split('\n')).toEqual([
      expect.stringMatching(
        /^Dry run: nothing is changed\. Collecting assets nothing has referred to since \d{4}-\d\d-\d\d \(FLOWMAP_ASSET_RETENTION_DAYS=30\)\.$/,
      ),
      `would unlink ${hash} from board ops (${png.byteLength} bytes)`,
      `would delete file ${hash} (${png.byteLength} bytes)`,
      `Would remove 1 link and 1 file: ${png.byteLength} bytes (${png.byteLength} bytes) would be freed. Read 0 history entries (0 bytes) of 1 board.`,
    ])
    expect(existsSync(file)).toBe(true)

    const real = await gcAssetsCommand([], env, now)
    if (!real.ok) throw new Error(real.error)
    expect(real.output).toContain(`unlink ${hash} from board ops`)
    expect(real.output).toContain(`Removed 1 link and 1 file: ${png.byteLength} bytes`)
    expect(existsSync(file)).toBe(false)
    const again = await gcAssetsCommand([], env, now)
    expect(again.ok && again.output).toContain('Removed 0 links and 0 files: 0 bytes')
  })

  it('refuses while a server holds the database, and names a bad option or an empty DATA_DIR', async () => {
    const { dir, storage, file } = await dataDirWithOldUpload(Date.now() - 40 * DAY)
    try {
      const locked = await gcAssetsCommand([], { DATA_DIR: dir })
      expect(locked.ok).toBe(false)
      expect(!locked.ok && locked.error).toMatch(
        /collects assets itself, hourly; stop it to run gc-assets now/,
      )
      expect(existsSync(file)).toBe(true)
    } finally {
      storage.close()
    }
    const unknown = await gcAssetsCommand(['--everything'], { DATA_DIR: dir })
    expect(!unknown.ok && unknown.error).toMatch(
      /--everything[\s\S]*usage: pnpm flowmap gc-assets \[--dry-run\]/,
    )
    const empty = await gcAssetsCommand([], { DATA_DIR: join(tempDir(), 'none') })
    expect(!empty.ok && empty.error).toMatch(
      /there is no Flowmap database in DATA_DIR=.*none: nothing to collect/,
    )
    const bad = await gcAssetsCommand([], { DATA_DIR: dir, FLOWMAP_ASSET_RETENTION_DAYS: '0' })
    expect(!bad.ok && bad.error).toBe(
      'FLOWMAP_ASSET_RETENTION_DAYS must be a whole number of at least 1 day, got "0"',
    )
  })

  it('runs as `node sync-server/src/cli.ts gc-assets`, printing to stdout', async () => {
    const { dir, storage, hash, file } = await dataDirWithOldUpload(Date.now() - 3 * DAY)
    storage.close()
    const cli = join(import.meta.dirname, '..', 'cli.ts')
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'gc-assets'], {
      env: { ...process.env, DATA_DIR: dir, FLOWMAP_ASSET_RETENTION_DAYS: '1' },
    })
    expect(stdout).toContain(`delete file ${hash} (${png.byteLength} bytes)`)
    expect(existsSync(file)).toBe(false)
  })
})
