/**
 * A data dir whose storage can be made full and freed again, for the durability tests. Chosen at run
 * time, and the test says which:
 * - 'tmpfs': a real small filesystem mounted in a temp dir (root, where mounting works, as on CI). Full
 *   means a filler file takes every free byte; SQLite fails at commit time, the case that matters.
 * - 'max-page-count': elsewhere, the server's database is capped with SQLITE_MAX_PAGES and a filler
 *   table (written over a second connection) takes every page up to the cap. Freeing deletes the
 *   filler: its pages go to SQLite's free list, where the server's next write finds room.
 */
import { execFileSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'

export type FullDiskMechanism = 'tmpfs' | 'max-page-count'

export interface FullDisk {
  mechanism: FullDiskMechanism
  dataDir: string
  /** Environment for a server process on this data dir (main.ts). */
  serverEnv: Record<string, string>
  /** In-process equivalent of serverEnv. */
  sqliteMaxPages: number | null
  /** Takes every free byte (or page) the database could grow into. */
  fill(): void
  /** Gives the room back. */
  free(): void
  dispose(): void
}

const TMPFS_BYTES = 8 * 1024 * 1024
const MAX_PAGES = 2048

/** FLOWMAP_TEST_FULL_DISK=max-page-count forces the fallback, to try it where mounting works. */
export function makeFullDisk(): FullDisk {
  if (process.env.FLOWMAP_TEST_FULL_DISK === 'max-page-count') return capPages()
  return mountTmpfs() ?? capPages()
}

/** Whether a tmpfs can be mounted here (root, and the sandbox allows it). */
export function canMountTmpfs(): boolean {
  if (process.env.FLOWMAP_TEST_FULL_DISK === 'max-page-count') return false
  const disk = mountTmpfs()
  disk?.dispose()
  return disk !== null
}

function mountTmpfs(): FullDisk | null {
  if (process.getuid?.() !== 0) return null
  const dataDir = mkdtempSync(join(tmpdir(), 'flowmap-tmpfs-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_BYTES}`, 'tmpfs', dataDir], { stdio: 'pipe' })
  } catch {
    rmSync(dataDir, { recursive: true, force: true })
    return null
  }
  const filler = join(dataDir, 'filler')
  return {
    mechanism: 'tmpfs',
    dataDir,
    serverEnv: { DATA_DIR: dataDir },
    sqliteMaxPages: null,
    fill() {
      const fd = openSync(filler, 'a')
      const chunk = Buffer.alloc(64 * 1024, 1)
      try {
        // Down to single bytes, so not even a small write fits afterwards.
        for (let size = chunk.length; size >= 1; size = Math.floor(size / 2)) {
          for (;;) {
            try {
              writeSync(fd, chunk, 0, size)
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break
              throw error
            }
          }
        }
      } finally {
        closeSync(fd)
      }
    },
    free() {
      rmSync(filler, { force: true })
    },
    dispose() {
      execFileSync('umount', ['-l', dataDir], { stdio: 'pipe' })
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

function capPages(): FullDisk {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowmap-full-'))
  let db: DatabaseSync | null = null
  const open = () => {
    db ??= new DatabaseSync(join(dataDir, 'flowmap.db'))
    db.exec('PRAGMA busy_timeout = 5000')
    return db
  }
  return {
    mechanism: 'max-page-count',
    dataDir,
    serverEnv: { DATA_DIR: dataDir, SQLITE_MAX_PAGES: String(MAX_PAGES) },
    sqliteMaxPages: MAX_PAGES,
    fill() {
      const filler = open()
      filler.exec('CREATE TABLE IF NOT EXISTS fault_filler (bytes BLOB NOT NULL)')
      const insert = filler.prepare('INSERT INTO fault_filler (bytes) VALUES (?)')
      const pages = () => Number(filler.prepare('PRAGMA page_count').get()!.page_count)
      const free = () => Number(filler.prepare('PRAGMA freelist_count').get()!.freelist_count)
      // Small rows at the end, so the free list is used up too and no page has room for a new row.
      while (pages() < MAX_PAGES + 16 || free() > 0) insert.run(new Uint8Array(free() > 0 ? 512 : 64 * 1024))
      for (let i = 0; i < 64; i++) insert.run(new Uint8Array(16))
    },
    free() {
      open().exec('DELETE FROM fault_filler')
    },
    dispose() {
      db?.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
