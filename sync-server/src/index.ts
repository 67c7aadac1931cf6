/** The public API of @flowmap/sync-server: start a server in-process (tests, bench) and its protocol. */

// The asset collector, for the bench that measures it on a real database.
export { type AssetCollection, collectAssets } from './assets/asset-collector.ts'
export { DirectoryAssetFiles } from './assets/asset-files.ts'
export { hashesInBytes, hashesInValue } from './assets/asset-references.ts'
export type { BoardUser } from './auth/roles.ts'
export { createShareLink, type ShareLink } from './auth/share-link.ts'
export { issueToken, type TokenClaims, verifyToken } from './auth/tokens.ts'
export { configFromEnv, defaultServerConfig, type ServerConfig } from './config.ts'
export { COLLAB_PATH, type RunningServer, startFlowmapServer } from './server.ts'
export type { BoardStorage, StoredHistoryEntry } from './storage/board-storage.ts'
export { SqliteStorage } from './storage/sqlite-storage.ts'
