/**
 * Opening a large board from the server in Flowmap's built app: a generated workflow map (5,000 nodes and
 * 8,000 connectors, each connector a tldraw arrow with two bindings: ~29,000 records) against its twin
 * drawn with tldraw's own shapes (every workflow node a geo rectangle with the same id, parent, position
 * and size; the same arrows and bindings), both written to the real server through a real Hocuspocus
 * provider, then opened in a fresh browser context each time (empty IndexedDB: the whole board arrives in
 * Hocuspocus's initial sync), alternating. Open time = navigation to every shape being in the editor's
 * store. Both go through the same sync layer, so the ratio is what the workflow shapes add; the absolute
 * times are the sync layer's cost on a board this size.
 *
 * Measured on the 2-core dev VM (noisy): 23.5 s median before the snapshot-style first fill
 * (client/src/sync/put-remote-records.ts), 17.0 s after; the twin follows the same path, so the ratio
 * stayed ~1.0. What remains is mostly React mounting ~13,000 shape components, Yjs decoding, GC, and
 * the wait for the server's initial sync.
 *
 * Env: BENCH_QUICK=1 (1,000 nodes and 1,600 connectors, one open each).
 */
import type { writeRecords } from '@flowmap/shared'
import { generateWorkflowMap } from '@flowmap/shared/testing'
import { seedBoard } from '@flowmap/sync-server/testing/seed-board'
import type { Browser } from 'playwright-core'
import { launchChromium } from './browser/chromium.ts'
import { serveFlowmapApp } from './browser/flowmap-app.ts'
import { percentile } from './stats/percentile.ts'

const quick = process.env.BENCH_QUICK === '1'
const NODES = quick ? 1000 : 5000
const EDGES = quick ? 1600 : 8000
const OPENS = quick ? 1 : 3
/** Records per provider write: one update of the whole board is larger than the server takes at once. */
const WRITE_BATCH = 2000

type FlowmapRecord = Parameters<typeof writeRecords>[1] extends Iterable<infer R> ? R : never
type Kind = 'workflow' | 'tldraw'

/** The map with every workflow node drawn as tldraw's geo rectangle; arrows and bindings unchanged. */
function tldrawTwin(records: readonly FlowmapRecord[]): FlowmapRecord[] {
  const tldrawTypes = new Set(['arrow', 'geo', 'note', 'text', 'draw', 'frame', 'line', 'image'])
  return records.map((record) => {
    if (record.typeName !== 'shape' || tldrawTypes.has(record.type)) return record
    const { w, h } = record.props as { w?: number; h?: number }
    return {
      ...record,
      type: 'geo',
      props: {
        geo: 'rectangle',
        dash: 'draw',
        url: '',
        w: w ?? 120,
        h: h ?? 80,
        growY: 0,
        scale: 1,
        flipX: false,
        flipY: false,
        labelColor: 'black',
        color: 'black',
        fill: 'none',
        size: 'm',
        font: 'draw',
        align: 'middle',
        verticalAlign: 'middle',
        richText: { type: 'doc', content: [{ type: 'paragraph' }] },
      },
    } as unknown as FlowmapRecord
  })
}

/** Opens the board in a fresh context (nothing on the device); ms from navigation to all shapes in the store. */
async function openBoard(browser: Browser, appUrl: string, boardId: string, shapes: number): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    await page.goto(`${appUrl}/b/${boardId}`)
    await page.waitForFunction(
      (count) => {
        type Editor = { store: { query: { records(type: 'shape'): { get(): unknown[] } } } }
        const editor = (window as unknown as { __flowmap?: { editor?: Editor | null } }).__flowmap?.editor
        return (editor?.store.query.records('shape').get().length ?? 0) >= count
      },
      shapes,
      { timeout: 300_000, polling: 100 },
    )
    // The page's own clock, from navigation start: the polling's round trips are left out.
    return await page.evaluate(() => performance.now())
  } finally {
    await context.close()
  }
}

const { records, roles } = generateWorkflowMap({ nodes: NODES, edges: EDGES, seed: 42 })
const boards: Record<Kind, FlowmapRecord[]> = { workflow: records, tldraw: tldrawTwin(records) }
const shapeCount = records.filter((record) => record.typeName === 'shape').length

const app = await serveFlowmapApp()
const browser = await launchChromium()
try {
  const ids = {} as Record<Kind, string>
  for (const kind of ['workflow', 'tldraw'] as const)
    ids[kind] = await seedBoard(app.url, {
      title: 'Board open bench',
      records: boards[kind],
      roles,
      batchSize: WRITE_BATCH,
      timeoutMs: 60_000,
    })
  const times: Record<Kind, number[]> = { workflow: [], tldraw: [] }
  for (let run = 0; run < OPENS; run++) {
    for (const kind of run % 2 === 0
      ? (['workflow', 'tldraw'] as const)
      : (['tldraw', 'workflow'] as const)) {
      times[kind].push(await openBoard(browser, app.url, ids[kind], shapeCount))
    }
  }
  const median = (xs: number[]) => percentile(xs, 50)!
  const row = (kind: Kind, name: string) =>
    `  ${name.padEnd(34)} median ${(median(times[kind]) / 1000).toFixed(2).padStart(6)} s   max ${(Math.max(...times[kind]) / 1000).toFixed(2)} s`
  console.log(
    `open a board from the server in headless Chromium: ${NODES} nodes, ${EDGES} connectors, ${records.length} records; ${OPENS} fresh-context opens each`,
  )
  console.log(row('tldraw', 'tldraw geo + arrows (reference)'))
  console.log(row('workflow', 'Flowmap workflow shapes + arrows'))
  console.log(
    `ratio workflow / tldraw shapes, median open: ${(median(times.workflow) / median(times.tldraw)).toFixed(2)}×`,
  )
} finally {
  await browser.close()
  await app.close()
}
