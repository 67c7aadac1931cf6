import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import { useTempDirs } from '../testing/temp-dirs.ts'
import { StorageWriteError, storageWriteError } from './storage-error.ts'

// Before the databases' hook, so it runs after it: a dir goes once the database in it is closed.
const tempDir = useTempDirs()
const open: DatabaseSync[] = []
afterEach(() => {
  for (const db of open.splice(0)) db.close()
})

function dbPath(): string {
  return join(tempDir(), 'x.db')
}

/** What a real SQLite write throws in each situation. */
function thrownBy(write: () => unknown): unknown {
  try {
    write()
  } catch (error) {
    return error
  }
  throw new Error('the write did not throw')
}

describe('storageWriteError', () => {
  it('names a read-only database as read-only, with what was being written', () => {
    const path = dbPath()
    const writer = new DatabaseSync(path)
    writer.exec('CREATE TABLE t (v INTEGER)')
    writer.close()
    const reader = new DatabaseSync(path, { readOnly: true })
    open.push(reader)
    const error = storageWriteError(
      'append',
      thrownBy(() => reader.exec('INSERT INTO t VALUES (1)')),
    )
    expect(error).toBeInstanceOf(StorageWriteError)
    expect(error.failure).toBe('read-only')
    expect(error.operation).toBe('append')
    expect(error.message).toMatch(/^append not stored: the database is read-only \(/)
  })

  it('names a file that is not a database as damaged', () => {
    const path = dbPath()
    writeFileSync(path, 'this is not a database, just some text '.repeat(200))
    const db = new DatabaseSync(path)
    open.push(db)
    expect(
      storageWriteError(
        'board',
        thrownBy(() => db.exec('CREATE TABLE t (v INTEGER)')),
      ).failure,
    ).toBe('corrupt')
  })

  it('names a closed database as closed, and passes a StorageWriteError through unchanged', () => {
    const db = new DatabaseSync(':memory:')
    db.close()
    expect(
      storageWriteError(
        'snapshot',
        thrownBy(() => db.exec('SELECT 1')),
      ).failure,
    ).toBe('closed')
    const gone = new StorageWriteError('append', 'database-file-gone', 'the file was deleted')
    expect(storageWriteError('writes', gone)).toBe(gone)
  })
})
