/** The storage conformance suite on SQLite, through the asynchronous adapter (a fresh in-memory database per test). */
import { asyncStorageOf } from './async-board-storage.ts'
import { SqliteStorage } from './sqlite-storage.ts'
import { describeStorageConformance } from './storage-conformance.ts'

describeStorageConformance('SQLite (asyncStorageOf)', async () => {
  const sqlite = new SqliteStorage({ path: null, synchronous: 'normal' })
  return { storage: asyncStorageOf(sqlite), dispose: async () => sqlite.close() }
})
