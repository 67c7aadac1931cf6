/**
 * Issue 4's panning benchmark: frame time while the camera pans over 2,000 workflow steps against 2,000 of
 * tldraw's own geo rectangles with the same sizes, positions and labels, both in Flowmap's built app in
 * headless Chromium, runs alternated. Frame time = the interval between animation frames while each frame
 * moves the camera (60 Hz caps it at ~16.7 ms; anything above is work that did not fit a frame).
 *
 * Env: BENCH_QUICK=1 (fewer frames, one run each).
 */
import type { Page } from 'playwright-core'
import { launchChromium } from './browser/chromium.ts'
import { openNewBoard, serveFlowmapApp } from './browser/flowmap-app.ts'
import { percentile } from './stats/percentile.ts'

const SHAPES = 2000
const quick = process.env.BENCH_QUICK === '1'
const FRAMES = quick ? 90 : 240
const RUNS = quick ? 1 : 2

type Kind = 'step' | 'geo'

/** Fills the board with a 50 × 40 grid of one kind of shape, each labelled, through the editor. */
async function fillBoard(page: Page, kind: Kind): Promise<void> {
  await page.evaluate(
    ({ kind, count }) => {
      type Editor = { createShapes(shapes: unknown[]): void; getCurrentPageShapes(): unknown[] }
      const editor = (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor
      const shapes = Array.from({ length: count }, (_, i) => {
        const x = (i % 50) * 260
        const y = Math.floor(i / 50) * 160
        const label = `Step ${i + 1}`
        return kind === 'step'
          ? { type: 'step', x, y, props: { w: 220, h: 120, label } }
          : {
              type: 'geo',
              x,
              y,
              props: {
                w: 220,
                h: 120,
                geo: 'rectangle',
                richText: {
                  type: 'doc',
                  content: [{ type: 'paragraph', content: [{ type: 'text', text: label }] }],
                },
              },
            }
      })
      editor.createShapes(shapes)
    },
    { kind, count: SHAPES },
  )
  const created = await page.evaluate(
    () =>
      (
        window as unknown as { __flowmap: { editor: { getCurrentPageShapes(): unknown[] } } }
      ).__flowmap.editor.getCurrentPageShapes().length,
  )
  if (created !== SHAPES) throw new Error(`expected ${SHAPES} ${kind} shapes on the board, found ${created}`)
}

/** Pans at zoom 0.5 (about 300 shapes in view) for `frames` frames; returns the frame intervals in ms. */
function pan(page: Page, frames: number): Promise<number[]> {
  return page.evaluate((frames) => {
    type Editor = { setCamera(camera: { x: number; y: number; z: number }): void }
    const editor = (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor
    return new Promise<number[]>((resolve) => {
      const intervals: number[] = []
      let last = 0
      let frame = 0
      const step = (now: number) => {
        if (frame > 0) intervals.push(now - last)
        last = now
        // Back and forth across the grid, 8 screen px per frame.
        const offset = ((frame * 16) % 4000) - 2000
        editor.setCamera({ x: -Math.abs(offset) - 200, y: -400, z: 0.5 })
        frame++
        if (frame <= frames) requestAnimationFrame(step)
        else resolve(intervals)
      }
      requestAnimationFrame(step)
    })
  }, frames)
}

const app = await serveFlowmapApp()
const browser = await launchChromium()
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const pages = {} as Record<Kind, Page>
  for (const kind of ['step', 'geo'] as const) {
    pages[kind] = await context.newPage()
    await openNewBoard(pages[kind], app.url)
    await fillBoard(pages[kind], kind)
    await pan(pages[kind], 30) // warm-up: first paint of the shapes, JIT
  }
  const intervals: Record<Kind, number[]> = { step: [], geo: [] }
  for (let run = 0; run < RUNS; run++) {
    for (const kind of run % 2 === 0 ? (['step', 'geo'] as const) : (['geo', 'step'] as const)) {
      await pages[kind].bringToFront()
      intervals[kind].push(...(await pan(pages[kind], FRAMES)))
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  const row = (kind: Kind, name: string) => {
    const xs = intervals[kind]
    const long = xs.filter((x) => x > 20).length / xs.length
    return `${name.padEnd(26)} mean ${mean(xs).toFixed(1).padStart(6)} ms  p50 ${percentile(xs, 50)!.toFixed(1).padStart(6)} ms  p95 ${percentile(xs, 95)!.toFixed(1).padStart(6)} ms  frames > 20 ms ${(long * 100).toFixed(0).padStart(3)}%`
  }
  console.log(
    `pan frame time, ${SHAPES} shapes, zoom 0.5, ${RUNS} × ${FRAMES} frames each (headless Chromium, no GPU)`,
  )
  console.log(row('geo', 'tldraw geo rectangles'))
  console.log(row('step', 'Flowmap workflow steps'))
  console.log(
    `ratio workflow / geo, mean frame time: ${(mean(intervals.step) / mean(intervals.geo)).toFixed(2)}×`,
  )
  console.log(
    `ratio workflow / geo, p95 frame time: ${(percentile(intervals.step, 95)! / percentile(intervals.geo, 95)!).toFixed(2)}×`,
  )
} finally {
  await browser.close()
  await app.close()
}
