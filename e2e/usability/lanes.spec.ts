import type { Page, TestInfo } from '@playwright/test'
import { canvasPoint, clickAt, drag, dropSocket, openNewBoard, shapesOfType } from '../board/flowmap-page.ts'
import { openTwoUsersOnOneBoard } from '../board/two-users.ts'
import { expect, test } from '../fixtures/test.ts'
import {
  dragLaneBottom,
  drawLane,
  isStacked,
  pageBoxOf,
  pageToScreen,
  placeStep,
  screenshot as saveScreenshot,
} from './lane-actions.ts'

// Lanes and stages are containers, never groups: a resize changes the lane's own box, its steps stay
// as they are on the page, and the lanes of its pool move out of its way. Everything is drawn and
// resized through the UI; the page hook is read for assertions only.

function screenshot(page: Page, testInfo: TestInfo, name: string) {
  return saveScreenshot(page, testInfo, 'lanes', name)
}

/** Two lanes drawn as a pool (the second snaps under the first) and two steps in the first. */
async function drawPoolWithSteps(page: Page) {
  const upper = await drawLane(page, [0.05, 0.08], [0.8, 0.4])
  const lower = await drawLane(page, [0.05, 0.46], [0.7, 0.72])
  const upperBox = await pageBoxOf(page, upper)
  const stepY = upperBox.y + upperBox.h / 2
  const steps = [
    await placeStep(page, { x: upperBox.x + 300, y: stepY }),
    await placeStep(page, { x: upperBox.x + 600, y: stepY }),
  ]
  for (const step of steps) {
    await expect
      .poll(async () => (await shapesOfType(page, 'step')).find((s) => s.id === step)?.parentId)
      .toBe(upper)
  }
  return { upper, lower, steps }
}

test('lane resize keeps children: the steps keep their size and page position, the lane below moves down', async ({
  page,
}, testInfo) => {
  await openNewBoard(page)
  const { upper, lower, steps } = await drawPoolWithSteps(page)
  const upperBefore = await pageBoxOf(page, upper)
  // The lane drawn under the first one snapped to it: same left edge and width, starting at its bottom.
  await expect
    .poll(() => pageBoxOf(page, lower))
    .toMatchObject({
      x: upperBefore.x,
      y: upperBefore.y + upperBefore.h,
      w: upperBefore.w,
    })
  const lowerBefore = await pageBoxOf(page, lower)
  const stepsBefore = await Promise.all(steps.map((step) => pageBoxOf(page, step)))
  await screenshot(page, testInfo, 'before-resize')

  await dragLaneBottom(page, upper, 120)

  await expect.poll(() => pageBoxOf(page, upper)).toMatchObject({ x: upperBefore.x, y: upperBefore.y })
  const upperAfter = await pageBoxOf(page, upper)
  expect(upperAfter.h, 'the lane grew by the drag').toBeGreaterThan(upperBefore.h + 100)
  expect(
    await Promise.all(steps.map((step) => pageBoxOf(page, step))),
    'steps unchanged on the page',
  ).toEqual(stepsBefore)
  const lowerAfter = await pageBoxOf(page, lower)
  expect(lowerAfter.h, 'the lane below keeps its size').toBe(lowerBefore.h)
  expect(isStacked([upperAfter, lowerAfter]), 'the lane below moved down by as much, no overlap').toBe(true)
  await screenshot(page, testInfo, 'after-resize')

  // One undo puts the lane, its pool and its steps back as they were.
  // (Ctrl+Z right after the drag: an Escape first would add tldraw's "clearing selection" stop,
  // which another point of issue 12 is about.)
  await page.keyboard.press('ControlOrMeta+z')
  await expect.poll(() => pageBoxOf(page, upper)).toEqual(upperBefore)
  expect(await pageBoxOf(page, lower)).toEqual(lowerBefore)
  expect(await Promise.all(steps.map((step) => pageBoxOf(page, step)))).toEqual(stepsBefore)
})

test('a lane cannot shrink past its children', async ({ page }, testInfo) => {
  await openNewBoard(page)
  const { upper, lower, steps } = await drawPoolWithSteps(page)
  const stepsBefore = await Promise.all(steps.map((step) => pageBoxOf(page, step)))
  const lowestStep = Math.max(...stepsBefore.map((step) => step.y + step.h))
  const upperBefore = await pageBoxOf(page, upper)

  await dragLaneBottom(page, upper, -400)

  await expect
    .poll(async () => {
      const lane = await pageBoxOf(page, upper)
      return Math.round(lane.y + lane.h)
    })
    .toBe(Math.round(lowestStep + 16))
  expect(await Promise.all(steps.map((step) => pageBoxOf(page, step)))).toEqual(stepsBefore)
  // Dragged past its own top, the lane does not flip over: its top edge stays where it was.
  expect((await pageBoxOf(page, upper)).y).toBe(upperBefore.y)
  // The pool closed up: the lane below starts where the shrunk lane ends.
  const upperAfter = await pageBoxOf(page, upper)
  expect(isStacked([upperAfter, await pageBoxOf(page, lower)])).toBe(true)
  await screenshot(page, testInfo, 'shrink-stops-at-steps')
})

test('two people resize lanes at once: both converge to the same pool, without overlap', async ({
  openUser,
}, testInfo) => {
  // Two browsers, three lanes drawn, offline and back: slow on a loaded machine.
  test.setTimeout(150_000)
  const { a, b } = await openTwoUsersOnOneBoard(openUser)
  const first = await drawLane(a.page, [0.05, 0.1], [0.8, 0.3])
  const second = await drawLane(a.page, [0.05, 0.33], [0.8, 0.5])
  const third = await drawLane(a.page, [0.05, 0.53], [0.8, 0.7])
  await expect.poll(async () => (await shapesOfType(b.page, 'lane')).length).toBe(3)
  const heightsBefore = await Promise.all(
    [first, second, third].map(async (id) => (await pageBoxOf(a.page, id)).h),
  )

  // At the same time, for real: both offline (socket dropped too), each resizes a different lane.
  for (const user of [a, b]) {
    await user.context.setOffline(true)
    await dropSocket(user.page)
    await expect(user.page.getByTestId('connection-status')).toHaveAttribute('data-state', 'offline', {
      timeout: 10_000,
    })
  }
  await dragLaneBottom(a.page, first, 100)
  await dragLaneBottom(b.page, second, 60)
  await expect.poll(async () => (await pageBoxOf(a.page, first)).h).toBeGreaterThan(heightsBefore[0]! + 80)
  await expect.poll(async () => (await pageBoxOf(b.page, second)).h).toBeGreaterThan(heightsBefore[1]! + 40)
  for (const user of [a, b]) {
    await user.context.setOffline(false)
    await expect(user.page.getByTestId('connection-status')).toHaveAttribute('data-state', 'online', {
      timeout: 20_000,
    })
  }

  // Both keep both resizes, and both lay the pool out the same way: stacked, no gap, no overlap.
  const poolOf = (page: Page) => Promise.all([first, second, third].map((id) => pageBoxOf(page, id)))
  await expect
    .poll(
      async () => {
        const [pa, pb] = await Promise.all([poolOf(a.page), poolOf(b.page)])
        return JSON.stringify(pa) === JSON.stringify(pb) && isStacked(pa)
      },
      { timeout: 20_000 },
    )
    .toBe(true)
  const pool = await poolOf(a.page)
  expect(pool[0]!.h).toBeGreaterThan(heightsBefore[0]! + 80)
  expect(pool[1]!.h).toBeGreaterThan(heightsBefore[1]! + 40)
  await a.page.keyboard.press('Escape')
  await b.page.keyboard.press('Escape')
  await screenshot(a.page, testInfo, 'concurrent-resize-a')
  await screenshot(b.page, testInfo, 'concurrent-resize-b')
})

test('a lane dragged into another slot reorders the pool, which restacks without gaps', async ({
  page,
}, testInfo) => {
  await openNewBoard(page)
  const first = await drawLane(page, [0.05, 0.1], [0.8, 0.3])
  const second = await drawLane(page, [0.05, 0.33], [0.8, 0.5])
  const third = await drawLane(page, [0.05, 0.53], [0.8, 0.7])
  const top = (await pageBoxOf(page, first)).y
  const firstBox = await pageBoxOf(page, first)

  // Grab the last lane by its label band and let it go over the top of the first one.
  const thirdBox = await pageBoxOf(page, third)
  const grab = await pageToScreen(page, { x: thirdBox.x + 30, y: thirdBox.y + thirdBox.h / 2 })
  const target = await pageToScreen(page, { x: firstBox.x + 30, y: firstBox.y + 10 })
  await drag(page, grab, target)

  const order = async () => {
    const boxes = await Promise.all([first, second, third].map((id) => pageBoxOf(page, id)))
    return [first, second, third].map((id, i) => ({ id, y: boxes[i]!.y })).sort((p, q) => p.y - q.y)
  }
  await expect.poll(async () => (await order()).map((lane) => lane.id)).toEqual([third, first, second])
  const boxes = await Promise.all([third, first, second].map((id) => pageBoxOf(page, id)))
  expect(boxes[0]!.y, 'the pool still starts where it did').toBe(top)
  expect(isStacked(boxes), 'no gaps, no overlap, one left edge and width').toBe(true)
  await screenshot(page, testInfo, 'reordered')
})

test('a stage drawn beside another snaps to its right and a wider stage pushes it', async ({
  page,
}, testInfo) => {
  await openNewBoard(page)
  const stageIds = async () => (await shapesOfType(page, 'stage')).map((stage) => stage.id)
  await page.getByTestId('tools.stage').click()
  await drag(page, await canvasPoint(page, 0.05, 0.12), await canvasPoint(page, 0.3, 0.75))
  await expect.poll(async () => (await stageIds()).length).toBe(1)
  const [left] = await stageIds()
  await page.keyboard.press('Escape')
  await page.getByTestId('tools.stage').click()
  await drag(page, await canvasPoint(page, 0.36, 0.2), await canvasPoint(page, 0.6, 0.6))
  await expect.poll(async () => (await stageIds()).length).toBe(2)
  const right = (await stageIds()).find((id) => id !== left)!
  const leftBox = await pageBoxOf(page, left!)
  await expect
    .poll(async () => isStacked([leftBox, await pageBoxOf(page, right)], 'horizontal'), {
      message: 'the second stage snapped to the right of the first, same top and height',
    })
    .toBe(true)
  await page.keyboard.press('Escape')

  // Widen the left stage by its right edge: the right stage moves along.
  await clickAt(page, await pageToScreen(page, { x: leftBox.x + leftBox.w / 2, y: leftBox.y + 12 }))
  const edge = await pageToScreen(page, { x: leftBox.x + leftBox.w, y: leftBox.y + leftBox.h * 0.6 })
  await drag(page, edge, { x: edge.x + 80, y: edge.y })
  await expect.poll(async () => (await pageBoxOf(page, left!)).w).toBeGreaterThan(leftBox.w + 60)
  const widened = await pageBoxOf(page, left!)
  expect(
    isStacked([widened, await pageBoxOf(page, right)], 'horizontal'),
    'the right stage starts where the left ends',
  ).toBe(true)
  await screenshot(page, testInfo, 'stages')
})
