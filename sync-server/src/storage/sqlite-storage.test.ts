/**
 * The storage's durability rule on a real SQLite file: a write that did not commit throws a
 * StorageWriteError naming the cause and shows in the health until a write succeeds again, and the
 * database file cannot be lost unnoticed (file identity while running, the marker file at start).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import { canMountTmpfs, type FullDisk, makeFullDisk } from '../testing/full-disk.ts'
import { useTempDirs } from '../testing/temp-dirs.ts'
import type { NewHistoryEntry } from './board-storage.ts'
import { DatabaseLockedError, lockPathOf } from './database-lock.ts'
import { DatabaseMarkerError, markerPathOf } from './database-marker.ts'
import { SqliteStorage } from './sqlite-storage.ts'
import { StorageWriteError } from './storage-error.ts'

// Before the cleanups' hook, so it runs after it: a dir goes once the storage in it is closed.
const dataDir = useTempDirs()
const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
})

function open(path: string | null, maxPages: number | null = null): SqliteStorage {
  const storage = new SqliteStorage({ path, synchronous: 'normal', maxPages })
  cleanups.push(() => storage.close())
  return storage
}

function entry(boardId: string, bytes = 200): NewHistoryEntry {
  return {
    boardId,
    time: Date.now(),
    userId: 'ada',
    userName: 'Ada',
    clientId: 1,
    update: new Uint8Array(bytes),
  }
}

function fullDisk(): FullDisk {
  const disk = makeFullDisk()
  cleanups.push(() => disk.dispose())
  console.info(`full disk by ${disk.mechanism}`)
  return disk
}

/** Appends until one fails (free room inside the file can take a few more); returns that error. */
function appendUntilRefused(storage: SqliteStorage, boardId: string): { stored: number; error: unknown } {
  for (let stored = 0; stored < 10_000; stored++) {
    try {
      storage.appendUpdate(entry(boardId, 2000))
    } catch (error) {
      return { stored, error }
    }
  }
  throw new Error('10,000 appends on a full disk all succeeded')
}

describe('SqliteStorage on a full disk', () => {
  it.runIf(canMountTmpfs())(
    "node:sqlite's INSERT … RETURNING through .get() returns a row whose commit failed (why appendUpdate steps to the end)",
    () => {
      const disk = fullDisk()
      const db = new DatabaseSync(join(disk.dataDir, 'plain.db'))
      cleanups.push(() => db.close())
      db.exec('PRAGMA journal_mode = WAL')
      db.exec('CREATE TABLE t (seq INTEGER PRIMARY KEY, bytes BLOB NOT NULL)')
      disk.fill()
      const insert = db.prepare('INSERT INTO t (seq, bytes) VALUES (1, ?) RETURNING seq')
      // The bug: a row comes back, no error, and nothing was stored.
      expect(insert.get(new Uint8Array(300))).toEqual({ seq: 1 })
      expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 0 })
      // Stepping the same statement to its end reports the failed commit.
      expect(() => insert.all(new Uint8Array(300))).toThrow(/full/)
    },
  )

  it('appendUpdate throws a disk-full StorageWriteError, the health names it, and the next successful write clears it', () => {
    const disk = fullDisk()
    const storage = open(join(disk.dataDir, 'flowmap.db'), disk.sqliteMaxPages)
    storage.ensureBoard('b', 1)
    expect(storage.appendUpdate(entry('b'))).toBe(1)
    disk.fill()
    const { stored, error } = appendUntilRefused(storage, 'b')
    expect(error).toBeInstanceOf(StorageWriteError)
    expect((error as StorageWriteError).failure).toBe('disk-full')
    // Nothing that threw is in the log: every stored entry is one the caller was told about.
    expect(storage.lastSeq('b')).toBe(1 + stored)
    expect(storage.writeFailure()).toMatchObject({
      cause: 'disk-full',
      reason: expect.stringMatching(/full/),
    })
    expect(storage.isAvailable()).toBe(false)
    expect(() => storage.writeCheckpoint('b', { seq: 1, time: 1, state: new Uint8Array(50_000) })).toThrow(
      StorageWriteError,
    )

    disk.free()
    expect(storage.appendUpdate(entry('b'))).toBe(2 + stored)
    expect(storage.writeFailure()).toBeNull()
    expect(storage.isAvailable()).toBe(true)
  })
  it('an append with its client-id claims that cannot commit throws, shows in the health, and leaves no transaction open', () => {
    const disk = fullDisk()
    const path = join(disk.dataDir, 'flowmap.db')
    const storage = open(path, disk.sqliteMaxPages)
    storage.ensureBoard('b', 1)
    disk.fill()
    let stored = 0
    let error: unknown = null
    for (; stored < 10_000 && error === null; stored++) {
      try {
        storage.atomically(() => {
          storage.claimClientIds('b', [{ clientId: 1000 + stored, owner: 'ada', firstSeen: 1 }])
          return storage.appendUpdate(entry('b', 2000))
        })
      } catch (caught) {
        error = caught
      }
    }
    expect(error).toBeInstanceOf(StorageWriteError)
    expect(storage.writeFailure()).toMatchObject({ cause: 'disk-full' })
    const refusedClient = 1000 + stored - 1

    disk.free()
    const seq = storage.appendUpdate(entry('b'))
    storage.close()
    // Reopened: the write after the failure really committed (no transaction was left open around it),
    // and the refused claim is not there.
    const reopened = open(path, null)
    expect(reopened.lastSeq('b')).toBe(seq)
    expect(reopened.readClientIds('b').map((claim) => claim.clientId)).not.toContain(refusedClient)
  })
})

describe('SqliteStorage database file identity', () => {
  it('refuses every write once the database file is deleted, naming it, and stays unavailable', () => {
    const path = join(dataDir(), 'flowmap.db')
    const storage = open(path)
    storage.ensureBoard('b', 1)
    storage.appendUpdate(entry('b'))
    rmSync(path)
    expect(() => storage.appendUpdate(entry('b'))).toThrow(/deleted while the server was running/)
    expect(() => storage.createBoard({ id: 'c', title: '', now: 1 })).toThrow(StorageWriteError)
    expect(storage.writeFailure()).toMatchObject({ cause: 'database-file-gone' })
    expect(storage.isAvailable()).toBe(false)
  })

  it('checks the file at a transaction commit: a deleted file refuses the commit and rolls the transaction back whole', () => {
    const path = join(dataDir(), 'flowmap.db')
    const storage = open(path)
    storage.ensureBoard('b', 1)
    storage.appendUpdate(entry('b'))
    const end = storage.openTransaction()
    // Inside the transaction nothing is durable yet, so the statement is not what is checked.
    expect(storage.appendUpdate(entry('b'))).toBe(2)
    rmSync(path)
    expect(() => end(true)).toThrow(/deleted while the server was running/)
    // Rolled back, not left open: the connection no longer sees the uncommitted append.
    expect(storage.lastSeq('b')).toBe(1)
    expect(storage.writeFailure()).toMatchObject({ cause: 'database-file-gone' })
  })

  it('notices a file put in place of the database, even before a write', () => {
    const dir = dataDir()
    const path = join(dir, 'flowmap.db')
    const storage = open(path)
    storage.ensureBoard('b', 1)
    writeFileSync(join(dir, 'other.db'), '')
    renameSync(join(dir, 'other.db'), path)
    expect(storage.writeFailure()).toMatchObject({ cause: 'database-file-replaced' })
    expect(() => storage.appendUpdate(entry('b'))).toThrow(/replaced the database/)
  })
})

describe('SqliteStorage marker file', () => {
  it('starts on an empty data dir, writes a marker naming the database, and opens it again', () => {
    const path = join(dataDir(), 'flowmap.db')
    const first = open(path)
    first.appendUpdate(entry('b'))
    first.close()
    const again = open(path)
    expect(again.lastSeq('b')).toBe(1)
    expect(JSON.parse(readFileSync(markerPathOf(path), 'utf8'))).toMatchObject({
      databaseId: expect.any(String),
    })
  })

  it('refuses to start when the marker is there and the database is not, naming both files; deleting the marker starts empty', () => {
    const path = join(dataDir(), 'flowmap.db')
    open(path).close()
    rmSync(path)
    let error: unknown
    try {
      open(path)
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(DatabaseMarkerError)
    expect(String((error as Error).message)).toContain(path)
    expect(String((error as Error).message)).toContain(markerPathOf(path))
    expect(String((error as Error).message)).toMatch(/Restore .* or delete/)

    rmSync(markerPathOf(path))
    expect(open(path).listBoards()).toEqual([])
  })

  it('refuses a different (or emptied) database at the path the marker names', () => {
    const path = join(dataDir(), 'flowmap.db')
    open(path).close()
    rmSync(path)
    rmSync(`${path}-wal`, { force: true })
    rmSync(`${path}-shm`, { force: true })
    new DatabaseSync(path).close()
    expect(() => open(path)).toThrow(/was replaced/)
  })

  it('keeps an in-memory database working, with no file to watch', () => {
    const storage = open(null)
    expect(storage.appendUpdate(entry('b'))).toBe(1)
    expect(storage.writeFailure()).toBeNull()
  })
})

describe('SqliteStorage database lock', () => {
  it('refuses a second server on the same database while the first has it, naming it; the first closing frees it', () => {
    const path = join(dataDir(), 'flowmap.db')
    const first = open(path)
    expect(() => open(path)).toThrow(DatabaseLockedError)
    expect(() => open(path)).toThrow(`${path} is in use by another Flowmap server (process ${process.pid}`)
    // The refused start changed nothing: the first server keeps its lock and its writes.
    first.appendUpdate(entry('b'))
    expect(readFileSync(lockPathOf(path), 'utf8').trim()).toBe(String(process.pid))
    first.close()
    expect(existsSync(lockPathOf(path))).toBe(false)
    expect(open(path).lastSeq('b')).toBe(1)
  })

  it('takes over a lock left by a process that no longer runs (kill -9)', () => {
    const path = join(dataDir(), 'flowmap.db')
    open(path).close()
    const gone = spawnSync(process.execPath, ['-e', '']).pid
    writeFileSync(lockPathOf(path), `${gone}\n`)
    const storage = open(path)
    expect(readFileSync(lockPathOf(path), 'utf8').trim()).toBe(String(process.pid))
    storage.close()
  })
})
