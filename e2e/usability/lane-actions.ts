import type { Page, TestInfo } from '@playwright/test'
import { canvasPoint, clickAt, drag, type ScreenPoint, shapesOfType } from '../board/flowmap-page.ts'
import { expect } from '../fixtures/test.ts'

// What the lane and pool specs do on a board, through the UI (tools, pointer drags); the page hook is
// read for assertions and for turning page points into screen points only.

export type Box = { x: number; y: number; w: number; h: number }

type HookWindow = { __flowmap: { editor: unknown } }

/** A shape's page bounds, rounded to a tenth of a unit (the editor's floating point is not the question). */
export function pageBoxOf(page: Page, id: string): Promise<Box> {
  return page.evaluate((shapeId) => {
    type Editor = { getShapePageBounds(id: string): Box | undefined }
    const editor = (window as unknown as HookWindow).__flowmap.editor as Editor
    const b = editor.getShapePageBounds(shapeId)
    if (!b) throw new Error(`shape ${shapeId} is not on the page`)
    const r = (n: number) => Math.round(n * 10) / 10
    return { x: r(b.x), y: r(b.y), w: r(b.w), h: r(b.h) }
  }, id)
}

export function pageToScreen(page: Page, point: { x: number; y: number }): Promise<ScreenPoint> {
  return page.evaluate((p) => {
    type Editor = { pageToScreen(point: { x: number; y: number }): ScreenPoint }
    return ((window as unknown as HookWindow).__flowmap.editor as Editor).pageToScreen(p)
  }, point)
}

export function selectedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Editor = { getSelectedShapeIds(): string[] }
    return ((window as unknown as HookWindow).__flowmap.editor as Editor).getSelectedShapeIds()
  })
}

/** The shape of `type` a tool action added, waiting for it to appear. */
async function addedShape(page: Page, type: string, before: Set<string>, act: () => Promise<void>) {
  await act()
  await expect.poll(async () => (await shapesOfType(page, type)).length).toBe(before.size + 1)
  const added = (await shapesOfType(page, type)).find((shape) => !before.has(shape.id))
  if (!added) throw new Error(`the ${type} tool added no ${type}`)
  await page.keyboard.press('Escape')
  return added.id
}

async function idsOfType(page: Page, type: string): Promise<Set<string>> {
  return new Set((await shapesOfType(page, type)).map((shape) => shape.id))
}

/** Draws a container with its tool by dragging from one canvas point to another (fractions of the canvas). */
export async function drawContainer(
  page: Page,
  type: 'lane' | 'stage',
  from: [number, number],
  to: [number, number],
): Promise<string> {
  const before = await idsOfType(page, type)
  return addedShape(page, type, before, async () => {
    await page.getByTestId(`tools.${type}`).click()
    await drag(page, await canvasPoint(page, ...from), await canvasPoint(page, ...to))
  })
}

export function drawLane(page: Page, from: [number, number], to: [number, number]): Promise<string> {
  return drawContainer(page, 'lane', from, to)
}

/** Clicks once with a container's tool at a page point (no drag): tldraw drops a default-size one there. */
export async function clickContainer(page: Page, type: 'lane' | 'stage', at: { x: number; y: number }) {
  const before = await idsOfType(page, type)
  return addedShape(page, type, before, async () => {
    await page.getByTestId(`tools.${type}`).click()
    await clickAt(page, await pageToScreen(page, at))
  })
}

/** Places a step with the step tool at a point of the page (page units), inside whatever lies there. */
export async function placeStep(page: Page, at: { x: number; y: number }): Promise<string> {
  const before = await idsOfType(page, 'step')
  return addedShape(page, 'step', before, async () => {
    await page.getByTestId('tools.step').click()
    await clickAt(page, await pageToScreen(page, at))
  })
}

/** Selects a lane by a point of its label band (page units from its top left), waiting for the selection. */
export async function selectContainerAt(page: Page, id: string, offset: { x: number; y: number }) {
  const box = await pageBoxOf(page, id)
  await clickAt(page, await pageToScreen(page, { x: box.x + offset.x, y: box.y + offset.y }))
  await expect.poll(() => selectedIds(page)).toEqual([id])
}

/** Selects a lane by its label band, then drags its bottom edge by `dy` page units (at 100 % zoom). */
export async function dragLaneBottom(page: Page, laneId: string, dy: number): Promise<void> {
  await selectContainerAt(page, laneId, { x: 20, y: 12 })
  const lane = await pageBoxOf(page, laneId)
  const edge = await pageToScreen(page, { x: lane.x + lane.w * 0.6, y: lane.y + lane.h })
  await drag(page, edge, { x: edge.x, y: edge.y + dy })
}

/** Selects a lane by its label band, then drags its left or right edge by `dx` page units (at 100 % zoom). */
export async function dragLaneSide(page: Page, laneId: string, side: 'left' | 'right', dx: number) {
  await selectContainerAt(page, laneId, { x: 20, y: 12 })
  const lane = await pageBoxOf(page, laneId)
  const edge = await pageToScreen(page, {
    x: side === 'left' ? lane.x : lane.x + lane.w,
    y: lane.y + lane.h * 0.6,
  })
  await drag(page, edge, { x: edge.x + dx, y: edge.y })
}

/**
 * Each lane starts where the one above ends, with the same left edge and width (stages: each starts
 * where the one on its left ends, same top and height). Page bounds are rounded to a tenth.
 */
export function isStacked(boxes: Box[], axis: 'vertical' | 'horizontal' = 'vertical'): boolean {
  const near = (p: number, q: number) => Math.abs(p - q) <= 0.2
  return boxes.every((box, i) => {
    const prev = boxes[i - 1]
    if (prev === undefined) return true
    return axis === 'vertical'
      ? near(box.x, prev.x) && near(box.w, prev.w) && near(box.y, prev.y + prev.h)
      : near(box.y, prev.y) && near(box.h, prev.h) && near(box.x, prev.x + prev.w)
  })
}

/** Saves a screenshot of the page as `<topic>-<name>.png` in the test's output and attaches it. */
export async function screenshot(page: Page, testInfo: TestInfo, topic: string, name: string) {
  const path = testInfo.outputPath(`${topic}-${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(`${topic}: ${name}`, { path, contentType: 'image/png' })
}
