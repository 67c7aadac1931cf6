import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { expect, it } from 'vitest'
import { useTempDirs } from '../testing/temp-dirs.ts'
import { SQLITE_MIGRATIONS } from './sqlite-migrations.ts'
import { SqliteStorage } from './sqlite-storage.ts'

const dataDir = useTempDirs()

it('a database written before the deleted_at migration gains the column on open and keeps its boards live', () => {
  const path = join(dataDir(), 'flowmap.db')
  const first = new SqliteStorage({ path, synchronous: 'normal' })
  first.createBoard({ id: 'kept', title: 'Kept', now: 1 })
  first.close()
  // Turn it back into the old layout: no deleted_at column, schema version 0.
  const raw = new DatabaseSync(path)
  raw.exec('ALTER TABLE boards DROP COLUMN deleted_at')
  raw.exec('PRAGMA user_version = 0')
  raw.close()

  const reopened = new SqliteStorage({ path, synchronous: 'normal' })
  try {
    expect(reopened.getBoard('kept')).toMatchObject({ title: 'Kept', deletedAt: null })
    expect(reopened.markBoardDeleted('kept', 5)).toBe(true)
    expect(reopened.listDeletedBoards().map((board) => board.id)).toEqual(['kept'])
  } finally {
    reopened.close()
  }
  const check = new DatabaseSync(path)
  expect(check.prepare('PRAGMA user_version').get()).toEqual({
    user_version: SQLITE_MIGRATIONS.at(-1)!.version,
  })
  check.close()
})
