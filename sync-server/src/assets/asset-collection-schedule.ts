/**
 * The asset collector in the background (asset-collector.ts): a first pass a while after the server
 * starts (a restart is busy enough), then one every interval, never two at once. A pass works one board
 * at a time and gives the event loop back between history pages and boards, so it never holds up sync.
 */
import type { Logger } from '../logger.ts'
import type { AsyncBoardStorage } from '../storage/async-board-storage.ts'
import { type AssetCollection, collectAssets } from './asset-collector.ts'
import type { AssetFiles } from './asset-files.ts'

export interface AssetCollectionScheduleOptions {
  storage: AsyncBoardStorage
  files: AssetFiles
  retentionMs: number
  intervalMs: number
  firstDelayMs: number
  logger: Logger
  /** The clock; tests pass their own. */
  now?: () => number
  /** Told of every finished pass (tests wait for one). */
  onPass?: (collection: AssetCollection) => void
}

/** Starts the schedule; the function it returns stops it and waits for a running pass to stop. */
export function startAssetCollection(options: AssetCollectionScheduleOptions): () => Promise<void> {
  const now = options.now ?? Date.now
  const abort = new AbortController()
  let running: Promise<void> | null = null
  let timer: NodeJS.Timeout | null = null

  const pass = async () => {
    try {
      const collection = await collectAssets({
        storage: options.storage,
        files: options.files,
        retentionMs: options.retentionMs,
        now: now(),
        signal: abort.signal,
      })
      if (collection.unlinked.length > 0 || collection.deletedFiles.length > 0) {
        options.logger.info(
          {
            event: 'asset-collection',
            unlinked: collection.unlinked.length,
            deletedFiles: collection.deletedFiles.length,
            bytesFreed: collection.bytesFreed,
          },
          `collected ${collection.deletedFiles.length} asset file(s), ${collection.bytesFreed} bytes`,
        )
      }
      options.onPass?.(collection)
    } catch (error) {
      // The next pass tries again; nothing is deleted that the database still records.
      if (!abort.signal.aborted)
        options.logger.error({ event: 'error', err: error }, 'collecting assets failed')
    }
  }

  const schedule = (delay: number) => {
    timer = setTimeout(() => {
      running = pass().finally(() => {
        running = null
        if (!abort.signal.aborted) schedule(options.intervalMs)
      })
    }, delay)
    timer.unref()
  }
  schedule(options.firstDelayMs)

  return async () => {
    abort.abort()
    if (timer !== null) clearTimeout(timer)
    await running
  }
}
