/**
 * Collecting deleted assets. A board's link to an asset is removed, and the asset's file deleted once no
 * board links it, when nothing within the retention window (`now - retentionMs` to now) refers to it:
 * replay shows any moment of that window, so it must still find the images those moments show.
 *
 * What refers to an asset in the window, for one board (asset-references.ts finds the paths):
 * - the board as it was when the window opened: rebuilt from the newest checkpoint written at or before
 *   then plus the entries after it up to then, and every string of every record read;
 * - every history entry accepted since (its bytes searched as stored): the live board is that state
 *   plus those entries, and so is every moment in between;
 * - an upload within the window (the link's time): a client uploads before its record arrives.
 *
 * One pass, numbered as the code below:
 * 1. per live board that links assets, one at a time, pausing between history pages: the links older
 *    than the window that nothing in it refers to. Deleted boards are skipped: they keep their links
 *    (and can be restored) until the purge removes them with the board.
 * 2. per board, in one transaction: entries appended since step 1 read them are searched too, and a link
 *    is removed only if it is still older than the window (an upload of the same bytes just now
 *    refreshes it: the removal is one conditional statement). An entry committed after that search
 *    is as one accepted after the pass; on SQLite no update runs inside the transaction at all (the
 *    adapter holds every other call until it ends).
 * 3. the assets no board links any more are forgotten (deleted from the database).
 * 4. then the files: each file the database does not record is deleted, asked before and again after
 *    it is moved aside (asset-files.ts), since an upload may link it between an answer and the unlink.
 *    Files are deleted only once the database says so, so a kill between 3 and 4 leaves files nobody
 *    records, which the next pass's step 4 deletes; and an upload that wrote its file just before step 4
 *    writes it again once it is linked (store-asset.ts).
 * A dry run does steps 1 and 2's reading and reports what 2, 3 and 4 would do; it changes nothing.
 */
import { readRecords } from '@flowmap/shared'
import * as Y from 'yjs'
import type { AsyncBoardStorage, AsyncBoardTransaction } from '../storage/async-board-storage.ts'
import type { AssetFiles } from './asset-files.ts'
import { hashesInBytes, hashesInValue } from './asset-references.ts'

/** History entries read at a time; the collector pauses between pages. */
const HISTORY_PAGE = 256

/**
 * A file nobody records that is younger than this is left for the next pass: it is most likely an
 * upload between writing its file and linking it (safe either way, this only spares it the rewrite).
 */
const UNRECORDED_FILE_GRACE_MS = 60 * 60 * 1000

/** Where a pass is when it pauses, for the tests that act in between. */
export type CollectionStep =
  | { step: 'history-page'; boardId: string }
  | { step: 'board-scanned'; boardId: string }
  | { step: 'assets-forgotten' }

export interface AssetCollectionOptions {
  storage: AsyncBoardStorage
  files: AssetFiles
  /** See ServerConfig.assetRetentionMs. */
  retentionMs: number
  /** The clock's reading for this pass, ms since the epoch. */
  now: number
  /** Report what would be collected, change nothing. */
  dryRun?: boolean
  /** Lets the rest of the server run between steps; the next step starts when it resolves. */
  pause?: (at: CollectionStep) => Promise<void>
  /** Stops the pass between steps (the server is closing); what it did so far stands. */
  signal?: AbortSignal
}

export interface CollectedLink {
  boardId: string
  hash: string
  size: number
}

/** What one pass collected (or, in a dry run, would collect). */
export interface AssetCollection {
  dryRun: boolean
  /** The window's start: what only moments before this referred to is collected. */
  windowStart: number
  boards: number
  historyEntriesRead: number
  historyBytesRead: number
  unlinked: CollectedLink[]
  /** The files deleted, by hash, with their size. */
  deletedFiles: { hash: string; size: number }[]
  bytesFreed: number
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

export async function collectAssets(options: AssetCollectionOptions): Promise<AssetCollection> {
  const { storage, files } = options
  const pause = options.pause ?? nextTurn
  const windowStart = options.now - options.retentionMs
  const dryRun = options.dryRun === true
  const collection: AssetCollection = {
    dryRun,
    windowStart,
    boards: 0,
    historyEntriesRead: 0,
    historyBytesRead: 0,
    unlinked: [],
    deletedFiles: [],
    bytesFreed: 0,
  }
  const stopped = () => options.signal?.aborted === true

  // 1 and 2.
  for (const boardId of await storage.boardsWithAssets()) {
    if (stopped()) return collection
    const old = (await storage.assetLinks(boardId)).filter((link) => link.linkedAt <= windowStart)
    if (old.length === 0) continue
    collection.boards++
    const found = await referencesInWindow(storage, boardId, windowStart, collection, pause)
    const unreferenced = old.filter((link) => !found.hashes.has(link.hash))
    if (unreferenced.length === 0 || stopped()) continue
    await pause({ step: 'board-scanned', boardId })
    if (dryRun) {
      for (const { hash, size } of unreferenced) collection.unlinked.push({ boardId, hash, size })
      continue
    }
    const unlinked = await storage.transaction(async (tx) => {
      const late = await hashesAfter(tx, boardId, found.throughSeq)
      const removed: CollectedLink[] = []
      for (const { hash, size } of unreferenced) {
        if (late.has(hash)) continue
        if (await tx.unlinkAsset(boardId, hash, windowStart)) removed.push({ boardId, hash, size })
      }
      return removed
    })
    // Counted once committed: a transaction rolled back removed nothing.
    collection.unlinked.push(...unlinked)
  }
  if (stopped()) return collection

  // 3.
  if (dryRun) {
    await reportFilesADryRunWouldDelete(storage, collection)
    for (const file of await files.list()) {
      if (
        file.modifiedAt < options.now - UNRECORDED_FILE_GRACE_MS &&
        !(await storage.isAssetRecorded(file.hash))
      ) {
        addDeleted(collection, file.hash, file.size)
      }
    }
    return collection
  }
  const forgotten = new Set<string>()
  for (const { hash } of await storage.unlinkedAssets()) {
    if (await storage.forgetUnlinkedAsset(hash)) forgotten.add(hash)
  }
  await pause({ step: 'assets-forgotten' })
  if (stopped()) return collection

  // 4. The grace spares young files nobody recorded; a file this pass forgot goes at once.
  for (const file of await files.list()) {
    if (!forgotten.has(file.hash) && file.modifiedAt >= options.now - UNRECORDED_FILE_GRACE_MS) continue
    const freed = await files.removeUnless(file.hash, () => storage.isAssetRecorded(file.hash))
    if (freed !== null) addDeleted(collection, file.hash, freed)
  }
  await files.removeTemporariesBefore(options.now - UNRECORDED_FILE_GRACE_MS)
  return collection
}

/** Step 1 for one board: the hashes referred to from the window's start on, and the last seq read. */
async function referencesInWindow(
  storage: AsyncBoardStorage,
  boardId: string,
  windowStart: number,
  collection: AssetCollection,
  pause: (at: CollectionStep) => Promise<void>,
): Promise<{ hashes: Set<string>; throughSeq: number }> {
  const hashes = new Set<string>()
  const checkpoint = await storage.checkpointAtOrBeforeTime(boardId, windowStart)
  // The board as the window opened; nobody edits or syncs it. Deleted values are collected by Yjs as
  // the updates integrate, so the records read below are those of that moment only.
  const atStart = new Y.Doc()
  try {
    if (checkpoint !== undefined) Y.applyUpdate(atStart, checkpoint.state)
    let afterSeq = checkpoint?.seq ?? 0
    let inWindow = false
    for (;;) {
      const page = await storage.readHistory(boardId, { afterSeq, limit: HISTORY_PAGE })
      atStart.transact(() => {
        for (const entry of page) {
          collection.historyEntriesRead++
          collection.historyBytesRead += entry.update.byteLength
          // Once inside the window, stay: a later entry stamped earlier (the clock stepped back) is
          // searched too, which can only keep more.
          if (!inWindow && entry.time <= windowStart) Y.applyUpdate(atStart, entry.update)
          else {
            inWindow = true
            hashesInBytes(entry.update, hashes)
          }
        }
      })
      if (page.length > 0) afterSeq = page.at(-1)!.seq
      if (page.length < HISTORY_PAGE) break
      await pause({ step: 'history-page', boardId })
    }
    for (const record of readRecords(atStart)) hashesInValue(record, hashes)
    return { hashes, throughSeq: afterSeq }
  } finally {
    atStart.destroy()
  }
}

/** Step 2's re-check: the hashes in entries appended after `seq`, read in the removal's transaction. */
async function hashesAfter(tx: AsyncBoardTransaction, boardId: string, seq: number): Promise<Set<string>> {
  const hashes = new Set<string>()
  for (let afterSeq = seq; ; ) {
    const page = await tx.readHistory(boardId, { afterSeq, limit: HISTORY_PAGE })
    for (const entry of page) hashesInBytes(entry.update, hashes)
    if (page.length < HISTORY_PAGE) return hashes
    afterSeq = page.at(-1)!.seq
  }
}

/** The files whose every link the dry run would remove, and those no board links already. */
async function reportFilesADryRunWouldDelete(
  storage: AsyncBoardStorage,
  collection: AssetCollection,
): Promise<void> {
  const removed = new Map<string, { size: number; links: number }>()
  for (const { hash, size } of collection.unlinked) {
    const seen = removed.get(hash)
    removed.set(hash, { size, links: (seen?.links ?? 0) + 1 })
  }
  for (const [hash, { size, links }] of removed) {
    if ((await storage.assetLinkCount(hash)) === links) addDeleted(collection, hash, size)
  }
  for (const { hash, size } of await storage.unlinkedAssets()) addDeleted(collection, hash, size)
}

function addDeleted(collection: AssetCollection, hash: string, size: number): void {
  if (collection.deletedFiles.some((file) => file.hash === hash)) return
  collection.deletedFiles.push({ hash, size })
  collection.bytesFreed += size
}
