import type { Page, TestInfo } from '@playwright/test'
import { drag, dropSocket, openNewBoard, shapesOfType } from '../board/flowmap-page.ts'
import { openTwoUsersOnOneBoard } from '../board/two-users.ts'
import { expect, test } from '../fixtures/test.ts'
import {
  type Box,
  clickContainer,
  dragLaneSide,
  drawContainer,
  drawLane,
  isStacked,
  pageBoxOf,
  pageToScreen,
  placeStep,
  screenshot as saveScreenshot,
} from './lane-actions.ts'

// Lanes stacked together form a pool, stages side by side a row: a new lane (clicked or drawn) near a
// pool snaps under its last lane, a lone lane let go next to a pool joins it where it was dropped,
// one dragged far out of a pool leaves it closed up, and two people changing a pool's width at once
// end with the same pool on both screens, its steps inside it. Everything happens through the UI;
// the page hook is read for assertions only.

function screenshot(page: Page, testInfo: TestInfo, name: string) {
  return saveScreenshot(page, testInfo, 'pools', name)
}

function boxesOf(page: Page, ids: readonly string[]): Promise<Box[]> {
  return Promise.all(ids.map((id) => pageBoxOf(page, id)))
}

/** The ids sorted by where their boxes start along the pool's axis. */
async function orderOf(page: Page, ids: readonly string[], axis: 'vertical' | 'horizontal' = 'vertical') {
  const boxes = await boxesOf(page, ids)
  const at = (box: Box) => (axis === 'vertical' ? box.y : box.x)
  return ids
    .map((id, i) => ({ id, at: at(boxes[i] as Box) }))
    .sort((p, q) => p.at - q.at)
    .map((p) => p.id)
}

async function undo(page: Page) {
  await page.keyboard.press('ControlOrMeta+z')
}

/** Drags a container by a point of its header (page offset from its top left) so its top left lands at `to`. */
async function dragContainerTo(
  page: Page,
  id: string,
  grab: { x: number; y: number },
  to: { x: number; y: number },
) {
  const box = await pageBoxOf(page, id)
  const from = await pageToScreen(page, { x: box.x + grab.x, y: box.y + grab.y })
  const target = await pageToScreen(page, { x: to.x + grab.x, y: to.y + grab.y })
  await drag(page, from, target)
}

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - 0.2 &&
    inner.y >= outer.y - 0.2 &&
    inner.x + inner.w <= outer.x + outer.w + 0.2 &&
    inner.y + inner.h <= outer.y + outer.h + 0.2
  )
}

test('a lane clicked in with the lane tool under a pool snaps under its last lane, a stage beside a row; one undo each', async ({
  page,
}, testInfo) => {
  await openNewBoard(page)
  const first = await drawLane(page, [0.05, 0.1], [0.55, 0.26])
  const second = await drawLane(page, [0.05, 0.29], [0.5, 0.42])
  const pool = await boxesOf(page, [first, second])
  expect(isStacked(pool), 'the drawn lanes form a pool').toBe(true)
  const [top, bottom] = pool as [Box, Box]

  // One click (no drag) a little below the pool: tldraw drops a default lane centred there.
  const clicked = await clickContainer(page, 'lane', { x: top.x + 400, y: bottom.y + bottom.h + 60 })
  await expect
    .poll(() => pageBoxOf(page, clicked), {
      message: "the clicked lane sits under the last lane, with the pool's width",
    })
    .toMatchObject({ x: top.x, y: bottom.y + bottom.h, w: top.w })
  expect(isStacked(await boxesOf(page, [first, second, clicked]))).toBe(true)
  await screenshot(page, testInfo, 'click-lane-snaps')

  // One undo takes the clicked lane away; the pool is as it was.
  await undo(page)
  await expect.poll(async () => (await shapesOfType(page, 'lane')).length).toBe(2)
  expect(await boxesOf(page, [first, second])).toEqual(pool)

  // Stages: a click to the right of a stage lands a stage on the row's right, with its top and height.
  const stage = await drawContainer(page, 'stage', [0.6, 0.1], [0.72, 0.76])
  const stageBox = await pageBoxOf(page, stage)
  const clickedStage = await clickContainer(page, 'stage', {
    x: stageBox.x + stageBox.w + 100,
    y: stageBox.y + stageBox.h / 2,
  })
  await expect
    .poll(async () => isStacked(await boxesOf(page, [stage, clickedStage]), 'horizontal'), {
      message: 'the clicked stage sits right of the first, same top and height',
    })
    .toBe(true)
  await screenshot(page, testInfo, 'click-stage-snaps')
  await undo(page)
  await expect.poll(async () => (await shapesOfType(page, 'stage')).length).toBe(1)
})

test('a lone lane dragged next to a pool joins it at the drop slot with its steps, one undo; dragged far out it leaves the pool closed up', async ({
  page,
}, testInfo) => {
  await openNewBoard(page)
  const first = await drawLane(page, [0.04, 0.1], [0.5, 0.28])
  const second = await drawLane(page, [0.04, 0.31], [0.45, 0.46])
  // Drawn off to the right, not across the pool: it stays a lane of its own.
  const lone = await drawLane(page, [0.56, 0.5], [0.97, 0.72])
  const poolBefore = await boxesOf(page, [first, second])
  const loneBefore = await pageBoxOf(page, lone)
  expect(isStacked(poolBefore)).toBe(true)
  expect(loneBefore.x, 'the lone lane is apart from the pool').toBeGreaterThan(
    poolBefore[0]!.x + poolBefore[0]!.w,
  )
  const step = await placeStep(page, { x: loneBefore.x + 260, y: loneBefore.y + loneBefore.h / 2 })
  await expect
    .poll(async () => (await shapesOfType(page, 'step')).find((s) => s.id === step)?.parentId)
    .toBe(lone)
  const stepBefore = await pageBoxOf(page, step)
  await screenshot(page, testInfo, 'lane-before-join')

  // Let go with its top edge 60 % down the first lane: its centre falls between the two lanes' centres.
  const [upper] = poolBefore as [Box, Box]
  await dragContainerTo(
    page,
    lone,
    { x: 30, y: loneBefore.h / 2 },
    { x: upper.x + 40, y: upper.y + upper.h * 0.6 },
  )
  await expect.poll(() => orderOf(page, [first, second, lone])).toEqual([first, lone, second])
  const joined = await boxesOf(page, [first, lone, second])
  expect(isStacked(joined), "it joined between them, with the pool's left edge and width").toBe(true)
  expect(joined[0], 'the lane above stays where it was').toEqual(poolBefore[0])
  expect(joined[1]!.h, 'it keeps its own height').toBe(loneBefore.h)
  expect(joined[2]!.h, 'the lane below keeps its height and moves down').toBe(poolBefore[1]!.h)
  // Its step came with it, unscaled, at the same place within it.
  const stepJoined = await pageBoxOf(page, step)
  expect([stepJoined.w, stepJoined.h]).toEqual([stepBefore.w, stepBefore.h])
  expect(stepJoined.x - joined[1]!.x).toBeCloseTo(stepBefore.x - loneBefore.x, 0)
  expect(stepJoined.y - joined[1]!.y).toBeCloseTo(stepBefore.y - loneBefore.y, 0)
  await screenshot(page, testInfo, 'lane-joins')

  // One undo puts the lane, its step and the pool back.
  await undo(page)
  await expect.poll(() => pageBoxOf(page, lone)).toEqual(loneBefore)
  expect(await boxesOf(page, [first, second])).toEqual(poolBefore)
  expect(await pageBoxOf(page, step)).toEqual(stepBefore)

  // Redo, then drag the middle lane far away: it leaves, and the pool closes up.
  await page.keyboard.press('ControlOrMeta+Shift+z')
  await expect.poll(() => orderOf(page, [first, second, lone])).toEqual([first, lone, second])
  const middle = await pageBoxOf(page, lone)
  const poolEnd = poolBefore[1]!.y + poolBefore[1]!.h
  // Let go 100 units under where the pool ends without it: farther than the join distance.
  await dragContainerTo(page, lone, { x: 30, y: middle.h / 2 }, { x: middle.x + 300, y: poolEnd + 100 })
  await expect
    .poll(async () => isStacked(await boxesOf(page, [first, second])), { message: 'the pool closed up' })
    .toBe(true)
  expect(await boxesOf(page, [first, second]), 'as it was before the lane joined').toEqual(poolBefore)
  const left = (await shapesOfType(page, 'lane')).find((shape) => shape.id === lone)
  expect(left?.meta.pool ?? null, 'the lane left the pool').toBeNull()
  await screenshot(page, testInfo, 'lane-leaves')
})

test('a lone stage dragged beside a row of stages joins it, taking its top and height', async ({
  page,
}, testInfo) => {
  await openNewBoard(page)
  const left = await drawContainer(page, 'stage', [0.04, 0.1], [0.2, 0.72])
  const right = await drawContainer(page, 'stage', [0.24, 0.14], [0.4, 0.6])
  expect(isStacked(await boxesOf(page, [left, right]), 'horizontal'), 'the second snapped to the first').toBe(
    true,
  )
  const lone = await drawContainer(page, 'stage', [0.75, 0.3], [0.95, 0.8])
  const row = await boxesOf(page, [left, right])
  const rowEnd = row[1]!.x + row[1]!.w
  expect((await pageBoxOf(page, lone)).x, 'drawn apart from the row').toBeGreaterThan(rowEnd + 160)

  const loneBox = await pageBoxOf(page, lone)
  // Its left edge let go 20 units right of the row's end, lower than the row.
  await dragContainerTo(page, lone, { x: loneBox.w / 2, y: 20 }, { x: rowEnd + 20, y: loneBox.y })
  await expect
    .poll(async () => isStacked(await boxesOf(page, [left, right, lone]), 'horizontal'), {
      message: "the stage joined the row on its right, with the row's top and height",
    })
    .toBe(true)
  expect((await pageBoxOf(page, lone)).w, 'it keeps its own width').toBe(loneBox.w)
  await screenshot(page, testInfo, 'stage-joins')
  await undo(page)
  await expect.poll(() => pageBoxOf(page, lone)).toEqual(loneBox)
})

/** The doc's Yjs client id on a page: of two people writing one key at once, the higher one's value stays. */
function clientIdOf(page: Page): Promise<number> {
  return page.evaluate(
    () => (window as unknown as { __flowmap: { doc: { clientID: number } } }).__flowmap.doc.clientID,
  )
}

test("two people change a pool's width at once: both end with the same pool, its steps inside it", async ({
  openUser,
}, testInfo) => {
  // Two browsers, three lanes, two steps, offline and back: slow on a loaded machine.
  test.setTimeout(150_000)
  const { a, b } = await openTwoUsersOnOneBoard(openUser)
  const lanes = [
    await drawLane(a.page, [0.22, 0.08], [0.9, 0.3]),
    await drawLane(a.page, [0.22, 0.33], [0.9, 0.52]),
    await drawLane(a.page, [0.22, 0.55], [0.9, 0.78]),
  ]
  const start = await boxesOf(a.page, lanes)
  expect(isStacked(start)).toBe(true)
  const last = start[2] as Box
  const steps = [
    await placeStep(a.page, { x: start[0]!.x + 320, y: start[0]!.y + start[0]!.h / 2 }),
    await placeStep(a.page, { x: last.x + last.w - 220, y: last.y + last.h / 2 }),
  ]
  await expect.poll(async () => (await shapesOfType(b.page, 'step')).length).toBe(2)
  await expect.poll(() => boxesOf(b.page, lanes)).toEqual(start)
  const stepsBefore = await boxesOf(a.page, steps)

  // Yjs keeps the higher client id's value of a key both wrote. The one whose width write wins drags
  // the pool's right edge in (it writes widths only); the other drags its left edge out (left edge,
  // width and every step's position relative to its lane): the merge most likely to cut steps off.
  const [inward, outward] = (await clientIdOf(a.page)) > (await clientIdOf(b.page)) ? [a, b] : [b, a]
  for (const user of [a, b]) {
    await user.context.setOffline(true)
    await dropSocket(user.page)
    await expect(user.page.getByTestId('connection-status')).toHaveAttribute('data-state', 'offline', {
      timeout: 10_000,
    })
  }
  await dragLaneSide(outward.page, lanes[0]!, 'left', -150)
  await expect.poll(async () => (await pageBoxOf(outward.page, lanes[0]!)).x).toBeLessThan(start[0]!.x - 100)
  await dragLaneSide(inward.page, lanes[2]!, 'right', -500)
  const stepRight = Math.max(...stepsBefore.map((step) => step.x + step.w))
  // The right edge stops at the steps (with its margin).
  await expect
    .poll(async () => {
      const box = await pageBoxOf(inward.page, lanes[2]!)
      return Math.round(box.x + box.w)
    })
    .toBe(Math.round(stepRight + 16))
  for (const user of [a, b]) {
    await user.context.setOffline(false)
    await expect(user.page.getByTestId('connection-status')).toHaveAttribute('data-state', 'online', {
      timeout: 20_000,
    })
  }

  // Both screens show one pool: stacked, the left edge one person moved, the right edge at the steps
  // the other shrank it to, every step inside its lane and where it was on the page.
  const stateOf = async (page: Page) => ({
    pool: await boxesOf(page, lanes),
    steps: await boxesOf(page, steps),
  })
  await expect
    .poll(
      async () => {
        const [sa, sb] = await Promise.all([stateOf(a.page), stateOf(b.page)])
        const stepsInside =
          sa.steps[0] && inside(sa.steps[0], sa.pool[0]!) && inside(sa.steps[1]!, sa.pool[2]!)
        return JSON.stringify(sa) === JSON.stringify(sb) && isStacked(sa.pool) && stepsInside
      },
      { timeout: 20_000, message: 'the same valid pool on both screens, its steps inside' },
    )
    .toBe(true)
  const { pool, steps: stepsAfter } = await stateOf(a.page)
  expect(stepsAfter, 'the steps did not move on the page').toEqual(stepsBefore)
  expect(pool[0]!.x, 'the left edge dragged out stays out').toBeCloseTo(start[0]!.x - 150, 0)
  expect(pool[0]!.x + pool[0]!.w, 'the right edge holds the steps').toBeGreaterThanOrEqual(stepRight)
  for (const user of [a, b]) await user.page.keyboard.press('Escape')
  await screenshot(a.page, testInfo, 'two-people-width-a')
  await screenshot(b.page, testInfo, 'two-people-width-b')
})
