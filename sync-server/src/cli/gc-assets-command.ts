/**
 * `flowmap gc-assets [--dry-run]`: one pass of the asset collector (assets/asset-collector.ts) over
 * DATA_DIR, printing what it collects and the bytes freed. The server does the same in the background
 * every hour; this is for an operator who wants the disk back now, or to see first what would go. The
 * database takes one process at a time (storage/database-lock.ts), so it runs with the server stopped.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { byteSizeSentence } from '@flowmap/shared'
import { type AssetCollection, collectAssets } from '../assets/asset-collector.ts'
import { DirectoryAssetFiles } from '../assets/asset-files.ts'
import { configFromEnv, databasePath } from '../config.ts'
import { asyncStorageOf } from '../storage/async-board-storage.ts'
import { DatabaseLockedError } from '../storage/database-lock.ts'
import { SqliteStorage } from '../storage/sqlite-storage.ts'
import type { CommandResult } from './invite-command.ts'

export const GC_ASSETS_USAGE = 'usage: pnpm flowmap gc-assets [--dry-run]'

const DAY = 24 * 60 * 60 * 1000

export async function gcAssetsCommand(
  args: string[],
  env: Record<string, string | undefined>,
  now: number = Date.now(),
): Promise<CommandResult> {
  let dryRun: boolean
  try {
    const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean' } }, strict: true })
    dryRun = values['dry-run'] === true
  } catch (error) {
    return { ok: false, error: `${(error as Error).message}\n${GC_ASSETS_USAGE}` }
  }
  const parsed = configFromEnv(env)
  if (!parsed.ok) return { ok: false, error: parsed.errors.join('\n') }
  const { config } = parsed
  const path = databasePath(config)
  if (config.dataDir === null || path === null || !existsSync(path)) {
    return {
      ok: false,
      error: `there is no Flowmap database in DATA_DIR=${config.dataDir}: nothing to collect`,
    }
  }
  let storage: SqliteStorage
  try {
    storage = new SqliteStorage({ path, synchronous: config.sqliteSynchronous })
  } catch (error) {
    if (!(error instanceof DatabaseLockedError)) throw error
    return {
      ok: false,
      error: `${error.message}\nA running server collects assets itself, hourly; stop it to run gc-assets now.`,
    }
  }
  try {
    const collection = await collectAssets({
      storage: asyncStorageOf(storage),
      files: new DirectoryAssetFiles(join(config.dataDir, 'assets')),
      retentionMs: config.assetRetentionMs,
      now,
      dryRun,
    })
    return { ok: true, output: collectionReport(collection, config.assetRetentionMs) }
  } finally {
    storage.close()
  }
}

/** What the command prints: one line per link and file, then the sums. */
export function collectionReport(collection: AssetCollection, retentionMs: number): string {
  const would = collection.dryRun ? 'would ' : ''
  const since = new Date(collection.windowStart).toISOString().slice(0, 10)
  const lines = [
    `${collection.dryRun ? 'Dry run: nothing is changed. ' : ''}Collecting assets nothing has referred to since ${since} (FLOWMAP_ASSET_RETENTION_DAYS=${Math.round(retentionMs / DAY)}).`,
  ]
  for (const link of collection.unlinked) {
    lines.push(`${would}unlink ${link.hash} from board ${link.boardId} (${link.size} bytes)`)
  }
  for (const file of collection.deletedFiles) {
    lines.push(`${would}delete file ${file.hash} (${file.size} bytes)`)
  }
  const links = collection.unlinked.length
  const files = collection.deletedFiles.length
  lines.push(
    `${collection.dryRun ? 'Would remove' : 'Removed'} ${links} ${links === 1 ? 'link' : 'links'} and ${files} ${files === 1 ? 'file' : 'files'}: ` +
      `${collection.bytesFreed} bytes (${byteSizeSentence(collection.bytesFreed)}) ${collection.dryRun ? 'would be ' : ''}freed. ` +
      `Read ${collection.historyEntriesRead} history entries (${byteSizeSentence(collection.historyBytesRead)}) of ${collection.boards} ${collection.boards === 1 ? 'board' : 'boards'}.`,
  )
  return lines.join('\n')
}
