/**
 * The server's storage as its configuration names it: Postgres when `databaseUrl` is set (schema
 * migrations run as it opens), else the SQLite file under `dataDir` (or in memory). Either way the
 * server sees the asynchronous interface (async-board-storage.ts), whose writes resolve once committed.
 */
import { databasePath, type ServerConfig } from '../config.ts'
import type { AsyncBoardStorage } from './async-board-storage.ts'
import { asyncStorageOf } from './async-board-storage.ts'
import { openPostgresStorage } from './postgres-storage.ts'
import { SqliteStorage } from './sqlite-storage.ts'

export interface OpenedStorage {
  storage: AsyncBoardStorage
  /** 'postgres' or 'sqlite', for the start-up log and /healthz. */
  kind: 'postgres' | 'sqlite'
}

export async function openServerStorage(config: ServerConfig): Promise<OpenedStorage> {
  if (config.databaseUrl !== null) {
    return { storage: await openPostgresStorage({ url: config.databaseUrl }), kind: 'postgres' }
  }
  const sqlite = new SqliteStorage({
    path: databasePath(config),
    synchronous: config.sqliteSynchronous,
    maxPages: config.sqliteMaxPages,
  })
  return { storage: asyncStorageOf(sqlite), kind: 'sqlite' }
}
