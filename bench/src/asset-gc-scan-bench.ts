/**
 * Issue 15's asset collector: what reading a board's history window costs. The collector searches each
 * entry's stored bytes for `/assets/<64 hex>` without decoding it (sync-server assets/asset-references.ts);
 * the reference, measured in the same run on the same entries, is the plain way: apply every entry to a
 * Y.Doc and read every string of every record. A recorded session (about 100 shapes, as in the seek
 * benchmark) is stored in a real SQLite file, with an asset path set every 50th entry, and one collector
 * pass reads it all (the whole history inside the window).
 *
 * Env: BENCH_QUICK=1 for a shorter history; ASSET_GC_ENTRIES=100000 to choose its length.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { readRecords, rebuildDoc, recordSession, type StoredRecord, writeRecord } from '@flowmap/shared'
import {
  collectAssets,
  DirectoryAssetFiles,
  hashesInBytes,
  hashesInValue,
  SqliteStorage,
} from '@flowmap/sync-server'
import { asyncStorageOf } from '@flowmap/sync-server/storage/async-board-storage'
import * as Y from 'yjs'

const DAY = 24 * 60 * 60 * 1000

export async function runAssetGcScanBench(): Promise<{
  entries: number
  scanMs: number
  referenceMs: number
}> {
  const quick = process.env.BENCH_QUICK === '1'
  const count = Number(process.env.ASSET_GC_ENTRIES ?? (quick ? 10_000 : 100_000))
  const session = recordSession({ updates: count, checkpointInterval: 200, maxShapes: 100, seed: 15 })
  const dir = mkdtempSync(join(tmpdir(), 'flowmap-asset-gc-bench-'))
  const storage = new SqliteStorage({ path: join(dir, 'flowmap.db'), synchronous: 'normal' })
  try {
    const now = Date.now()
    storage.createBoard({ id: 'bench', title: 'bench', now: now - 40 * DAY })
    // The session's doc carries no asset paths: every 50th entry becomes one that sets one.
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    for (const [index, entry] of session.entries.entries()) {
      Y.applyUpdate(doc, entry.update)
      let update = entry.update
      if (index % 50 === 0) {
        const before = Y.encodeStateVector(doc)
        const src = `/api/boards/bench/assets/${index.toString(16).padStart(64, '0')}`
        writeRecord(doc, {
          id: `asset:${index}`,
          typeName: 'asset',
          type: 'image',
          props: { name: 'p.png', src, w: 1, h: 1, mimeType: 'image/png', isAnimated: false },
          meta: {},
        } as StoredRecord)
        update = Y.mergeUpdates([entry.update, Y.encodeStateAsUpdate(doc, before)])
      }
      updates.push(update)
      storage.appendUpdate({
        boardId: 'bench',
        time: now - DAY,
        userId: 'u',
        userName: 'U',
        clientId: null,
        update,
      })
    }
    const bytes = updates.reduce((sum, update) => sum + update.byteLength, 0)
    // One old link nothing refers to, so the pass reads the board's whole window.
    storage.linkAsset(
      'bench',
      { hash: 'f'.repeat(64), mimeType: 'image/png', size: 1, createdAt: now - 40 * DAY, name: '' },
      now - 40 * DAY,
    )

    let started = performance.now()
    const pass = await collectAssets({
      storage: asyncStorageOf(storage),
      files: new DirectoryAssetFiles(join(dir, 'assets')),
      retentionMs: 30 * DAY,
      now,
      dryRun: true,
    })
    const scanMs = performance.now() - started

    started = performance.now()
    const searched = new Set<string>()
    for (const update of updates) hashesInBytes(update, searched)
    const searchMs = performance.now() - started

    started = performance.now()
    const rebuilt = rebuildDoc(
      null,
      session.entries.map((entry, index) => ({ ...entry, update: updates[index]! })),
    )
    const found = hashesInValue(readRecords(rebuilt))
    const referenceMs = performance.now() - started
    rebuilt.destroy()

    const mb = bytes / (1024 * 1024)
    console.log(
      `asset-gc-scan: ${pass.historyEntriesRead} entries (${mb.toFixed(1)} MB) read and searched by one pass in ${scanMs.toFixed(0)} ms ` +
        `(${((pass.historyEntriesRead / scanMs) * 1000).toFixed(0)} entries/s, ${(mb / (scanMs / 1000)).toFixed(0)} MB/s, SQLite reads included); ` +
        `of which searching the bytes ${searchMs.toFixed(1)} ms (${(mb / (searchMs / 1000)).toFixed(0)} MB/s, ${searched.size} paths); ` +
        `reference (apply all to a Y.Doc, read every record's strings): ${referenceMs.toFixed(0)} ms, ratio ${(scanMs / referenceMs).toFixed(2)}x; ` +
        `paths found ${found.size} live of ${Math.ceil(count / 50)} set`,
    )
    return { entries: pass.historyEntriesRead, scanMs, referenceMs }
  } finally {
    storage.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runAssetGcScanBench()
