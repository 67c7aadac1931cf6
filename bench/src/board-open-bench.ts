/**
 * Issue 4's board-open benchmark: the same 2,000-shape board doc stored in Chromium's IndexedDB by
 * Dexie + y-dexie (the client's storage, with its `boards` schema) and by y-indexeddb (the reference), then
 * opened from a freshly loaded page each time, alternating: time to a loaded Y.Doc with its records read.
 *
 * Env: BENCH_QUICK=1 (3 opens each instead of 8).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeRecords } from '@flowmap/shared'
import { documentRecord, pageRecord, workflowShape } from '@flowmap/shared/testing'
import * as Y from 'yjs'
import { buildBoardOpenPage } from './browser/build-bundles.ts'
import { launchChromium } from './browser/chromium.ts'
import { serveStatic } from './browser/static-server.ts'
import { percentile } from './stats/percentile.ts'

const SHAPES = 2000
const OPENS = process.env.BENCH_QUICK === '1' ? 3 : 8
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

type FlowmapRecord = Parameters<typeof writeRecords>[1] extends Iterable<infer R> ? R : never

/** A 2,000-step board (a 50 × 40 grid, labelled) as one Yjs update, written through the shared layout. */
function boardUpdate(): Uint8Array {
  const records: FlowmapRecord[] = [documentRecord(), pageRecord()]
  for (let i = 0; i < SHAPES; i++) {
    records.push(
      workflowShape('step', {
        id: `step-${i}`,
        x: (i % 50) * 260,
        y: Math.floor(i / 50) * 160,
        // 'b' + two base-62 digits: valid, ordered fractional index keys for up to 3,844 shapes.
        index: `b${BASE62[Math.floor(i / 62)]}${BASE62[i % 62]}`,
        props: { w: 220, h: 120, label: `Step ${i + 1}` },
      }),
    )
  }
  const doc = new Y.Doc()
  writeRecords(doc, records)
  return Y.encodeStateAsUpdate(doc)
}

interface OpenResult {
  ms: number
  records: number
}

const workDir = mkdtempSync(join(tmpdir(), 'flowmap-board-open-'))
const browser = await launchChromium()
try {
  await buildBoardOpenPage(workDir)
  const site = await serveStatic(workDir)
  try {
    const update = Array.from(boardUpdate())
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(site.url)
    await page.waitForFunction(() => 'boardOpen' in window)
    await page.evaluate(async (bytes) => {
      const bench = (
        window as unknown as {
          boardOpen: { seedDexie(b: number[]): Promise<void>; seedIndexeddb(b: number[]): Promise<void> }
        }
      ).boardOpen
      await bench.seedDexie(bytes)
      await bench.seedIndexeddb(bytes)
    }, update)

    const open = async (which: 'openFromDexie' | 'openFromIndexeddb'): Promise<OpenResult> => {
      await page.reload()
      await page.waitForFunction(() => 'boardOpen' in window)
      return page.evaluate(
        (which) =>
          (window as unknown as { boardOpen: Record<string, () => Promise<OpenResult>> }).boardOpen[which]!(),
        which,
      )
    }
    const times = { dexie: [] as number[], indexeddb: [] as number[] }
    for (let i = 0; i < OPENS + 1; i++) {
      const order = i % 2 === 0 ? (['dexie', 'indexeddb'] as const) : (['indexeddb', 'dexie'] as const)
      for (const store of order) {
        const result = await open(store === 'dexie' ? 'openFromDexie' : 'openFromIndexeddb')
        if (result.records !== SHAPES + 2)
          throw new Error(`${store} opened ${result.records} records, not ${SHAPES + 2}`)
        if (i > 0) times[store].push(result.ms) // the first open of each warms the disk cache
      }
    }
    const median = (xs: number[]) => percentile(xs, 50)!
    console.log(
      `open a ${SHAPES}-shape board from IndexedDB in headless Chromium (${OPENS} fresh-page opens each; update ${(update.length / 1024).toFixed(0)} kB)`,
    )
    console.log(
      `  y-indexeddb (reference)    median ${median(times.indexeddb).toFixed(1).padStart(7)} ms   max ${Math.max(...times.indexeddb).toFixed(1)} ms`,
    )
    console.log(
      `  Dexie + y-dexie (Flowmap)  median ${median(times.dexie).toFixed(1).padStart(7)} ms   max ${Math.max(...times.dexie).toFixed(1)} ms`,
    )
    console.log(
      `ratio y-dexie / y-indexeddb, median open: ${(median(times.dexie) / median(times.indexeddb)).toFixed(2)}×`,
    )
  } finally {
    await site.close()
  }
} finally {
  await browser.close()
  rmSync(workDir, { recursive: true, force: true })
}
