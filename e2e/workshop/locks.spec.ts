import { type BoardRole, writeRecords } from '@flowmap/shared'
import { documentRecord, pageRecord, workflowShape } from '@flowmap/shared/testing'
import type { Browser, Page, TestInfo } from '@playwright/test'
import { issueToken } from '../../sync-server/src/auth/tokens.ts'
import { connectBoard } from '../../sync-server/src/testing/board-client.ts'
import { collabUrlOf } from '../../sync-server/src/testing/collab-url.ts'
import { drag, openWorkshopMenu, screenCenterOf, screenPointIn, waitForBoard } from '../board/flowmap-page.ts'
import { type FlowmapServerProcess, startFlowmapServer } from '../fixtures/flowmap-server.ts'
import { expect, test } from '../fixtures/test.ts'

/**
 * Facilitator locks and the participant toolset with a facilitator and a participant (an editor link),
 * on a server that requires signed links (FLOWMAP_AUTH_SECRET): what the participant's page offers, and
 * that the server refuses what it is sent anyway, with a reason the page shows.
 */
const SECRET = 'e2e-locks-secret-with-enough-entropy-0123456789'
const LANE = 'shape:lane'
const STEP_IN_LANE = 'shape:inLane'
const STEP_OUTSIDE = 'shape:outside'

// Two browsers and a real server per test, on a loaded machine.
test.describe.configure({ timeout: 150_000 })

let server: FlowmapServerProcess
test.beforeAll(async () => {
  server = await startFlowmapServer({ FLOWMAP_AUTH_SECRET: SECRET })
})
test.afterAll(async () => {
  await server?.stop()
})

function token(role: BoardRole, name: string): Promise<string> {
  return issueToken(SECRET, { sub: `e2e-${role}`, name, board: '*', role }, new Date(Date.now() + 86_400_000))
}

/** A board holding a lane with a step in it and a step beside the lane, written by the facilitator. */
async function seededBoard(facilitator: string): Promise<string> {
  const created = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { authorization: `Bearer ${facilitator}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Workshop map' }),
  })
  const { id } = (await created.json()) as { id: string }
  const writer = connectBoard(collabUrlOf(server.url), id, { token: facilitator })
  try {
    await writer.synced
    writeRecords(writer.doc, [
      documentRecord(),
      pageRecord(),
      workflowShape('lane', {
        id: 'lane',
        x: 100,
        y: 100,
        props: { w: 700, h: 260, label: 'Sales' } as never,
      }),
      workflowShape('step', { id: 'inLane', parentId: LANE, x: 80, y: 60, props: { label: 'Qualify lead' } }),
      workflowShape('step', { id: 'outside', x: 150, y: 500, props: { label: 'Send offer' } }),
    ])
    await writer.acknowledged()
  } finally {
    writer.destroy()
  }
  return id
}

async function openBoardAs(browser: Browser, boardId: string, bearer: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await page.goto(`/b/${boardId}?token=${encodeURIComponent(bearer)}`)
  await waitForBoard(page)
  // Everything on screen, the same on both pages.
  await page.evaluate(() => {
    const editor = (window as unknown as { __flowmap?: { editor?: { zoomToFit(): void } } }).__flowmap?.editor
    editor?.zoomToFit()
  })
  return page
}

type Position = { x: number; y: number; parentId: string }

function positionOf(page: Page, id: string): Promise<Position | null> {
  return page.evaluate((shapeId) => {
    type Editor = { getShape(id: string): Position | undefined }
    const shape = (window as unknown as { __flowmap?: { editor?: Editor } }).__flowmap?.editor?.getShape(
      shapeId,
    )
    return shape ? { x: shape.x, y: shape.y, parentId: shape.parentId } : null
  }, id)
}

/** A write straight into the page's doc, past every guard of the UI: what a modified client sends. */
function forceMove(page: Page, id: string, x: number): Promise<void> {
  return page.evaluate(
    ({ shapeId, x }) => {
      type YMap = { get(key: string): YMap | undefined; set(key: string, value: unknown): void }
      const doc = (window as unknown as { __flowmap?: { doc?: { getMap(name: string): YMap } } }).__flowmap
        ?.doc
      const record = doc?.getMap('records').get(shapeId)
      if (!record) throw new Error(`the page's doc holds no ${shapeId}`)
      record.set('x', x)
    },
    { shapeId: id, x },
  )
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

test('a facilitator locks a lane: the participant sees the lock, cannot move its step, and a forced edit is refused with the reason', async ({
  browser,
}, testInfo) => {
  const facilitator = await token('facilitator', 'Fay')
  const boardId = await seededBoard(facilitator)
  const fay = await openBoardAs(browser, boardId, facilitator)
  const edna = await openBoardAs(browser, boardId, await token('editor', 'Edna'))

  // The facilitator locks the lane from its context menu.
  await fay.mouse.click(...xy(await screenPointIn(fay, LANE, 0.85, 0.8)), { button: 'right' })
  await fay.getByRole('menuitem', { name: 'Lock for participants' }).click()
  for (const page of [fay, edna]) {
    await expect(page.locator(`[data-testid="lock-badge"][data-shape-id="${LANE}"]`)).toBeVisible({
      timeout: 15_000,
    })
  }
  await expect(edna.locator(`[data-testid="lock-badge"][data-shape-id="${LANE}"]`)).toHaveAttribute(
    'title',
    /Locked by Fay/,
  )
  await screenshot(edna, testInfo, 'locks-badge')

  // The participant drags the locked lane's step, then a free step the same way.
  const before = await positionOf(edna, STEP_IN_LANE)
  await drag(edna, await screenCenterOf(edna, STEP_IN_LANE), await screenPointIn(edna, STEP_OUTSIDE, 0.5, -1))
  const outsideBefore = await positionOf(fay, STEP_OUTSIDE)
  await drag(
    edna,
    await screenCenterOf(edna, STEP_OUTSIDE),
    await screenPointIn(edna, STEP_OUTSIDE, 1.5, 0.5),
  )
  // Once the free step's move reached the facilitator, the locked one's would have too.
  await expect
    .poll(async () => (await positionOf(fay, STEP_OUTSIDE))?.x, { timeout: 15_000 })
    .not.toBe(outsideBefore?.x)
  expect(await positionOf(edna, STEP_IN_LANE)).toEqual(before)
  expect(await positionOf(fay, STEP_IN_LANE)).toEqual(before)
  await expect(edna.getByTestId('refusal-banner')).toHaveCount(0)

  // A modified client writes the step anyway: the server refuses it and the page says why.
  await forceMove(edna, STEP_IN_LANE, 640)
  const banner = edna.getByTestId('refusal-banner')
  await expect(banner).toContainText(
    'the lane this sits in is locked by Fay: only facilitators can change what is inside it until it is unlocked',
    { timeout: 15_000 },
  )
  await expect.poll(() => positionOf(edna, STEP_IN_LANE), { timeout: 15_000 }).toEqual(before)
  expect(await positionOf(fay, STEP_IN_LANE)).toEqual(before)
  await screenshot(edna, testInfo, 'locks-refused')

  // The facilitator still moves it (with the lane no longer selected, so the drag takes the step).
  await fay.evaluate(() => {
    const editor = (window as unknown as { __flowmap?: { editor?: { selectNone(): void } } }).__flowmap
      ?.editor
    editor?.selectNone()
  })
  await drag(fay, await screenCenterOf(fay, STEP_IN_LANE), await screenPointIn(fay, STEP_IN_LANE, 1.2, 0.5))
  await expect
    .poll(async () => (await positionOf(edna, STEP_IN_LANE))?.x, { timeout: 15_000 })
    .not.toBe(before?.x)

  // Only a facilitator unlocks, from the same menu; the badge goes on both pages.
  await fay.keyboard.press('Escape')
  await fay.mouse.click(...xy(await screenPointIn(fay, LANE, 0.85, 0.8)), { button: 'right' })
  await fay.getByRole('menuitem', { name: 'Unlock' }).click()
  for (const page of [fay, edna])
    await expect(page.getByTestId('lock-badge')).toHaveCount(0, { timeout: 15_000 })
})

test('a locked board: the participant has no tools and a forced edit is refused; unlocked, they edit again', async ({
  browser,
}, testInfo) => {
  const facilitator = await token('facilitator', 'Fay')
  const boardId = await seededBoard(facilitator)
  const fay = await openBoardAs(browser, boardId, facilitator)
  const edna = await openBoardAs(browser, boardId, await token('editor', 'Edna'))
  await expect(edna.getByTestId('tools.step')).toBeVisible()

  await openWorkshopMenu(fay)
  await fay.getByTestId('lock-board').click()
  await expect(fay.getByTestId('lock-board')).toHaveAttribute('aria-pressed', 'true')
  await expect(edna.getByTestId('board-locked-badge')).toHaveText('Board locked by Fay', { timeout: 15_000 })
  await expect(edna.getByTestId('tools.step')).toHaveCount(0)
  await expect(edna.getByTestId('tools.note')).toHaveCount(0)
  const before = await positionOf(edna, STEP_OUTSIDE)
  await forceMove(edna, STEP_OUTSIDE, 900)
  await expect(edna.getByTestId('refusal-banner')).toContainText(
    'the board is locked by Fay: only facilitators can edit until it is unlocked',
    { timeout: 15_000 },
  )
  await expect.poll(() => positionOf(edna, STEP_OUTSIDE), { timeout: 15_000 }).toEqual(before)
  expect(await positionOf(fay, STEP_OUTSIDE)).toEqual(before)
  await screenshot(edna, testInfo, 'locks-board-locked')

  await openWorkshopMenu(fay)
  await fay.getByTestId('lock-board').click()
  await expect(edna.getByTestId('board-locked-badge')).toHaveCount(0, { timeout: 15_000 })
  await expect(edna.getByTestId('tools.step')).toBeVisible()
  await drag(
    edna,
    await screenCenterOf(edna, STEP_OUTSIDE),
    await screenPointIn(edna, STEP_OUTSIDE, 1.5, 0.5),
  )
  await expect
    .poll(async () => (await positionOf(fay, STEP_OUTSIDE))?.x, { timeout: 15_000 })
    .not.toBe(before?.x)
})

test('a restricted toolset: the participant keeps notes and connectors, the other tools are gone, a forced step edit is refused', async ({
  browser,
}, testInfo) => {
  const facilitator = await token('facilitator', 'Fay')
  const boardId = await seededBoard(facilitator)
  const fay = await openBoardAs(browser, boardId, facilitator)
  const edna = await openBoardAs(browser, boardId, await token('editor', 'Edna'))

  await openWorkshopMenu(fay)
  await fay.getByTestId('limit-tools').click()
  await expect(edna.getByTestId('toolset-restricted')).toHaveText(
    'The facilitator has limited the tools to notes and connectors',
    { timeout: 15_000 },
  )
  await expect(edna.getByTestId('tools.step')).toHaveCount(0)
  await expect(edna.getByTestId('workflow-toolbar')).toHaveCount(0)
  await expect(edna.getByTestId('tools.note')).toBeVisible()
  await expect(edna.getByTestId('tools.arrow')).toBeVisible()
  // The facilitator keeps every tool.
  await expect(fay.getByTestId('tools.step')).toBeVisible()

  // A sticky note is welcome and reaches the facilitator.
  await edna.getByTestId('tools.note').click()
  await edna.mouse.click(...xy(await screenPointIn(edna, STEP_OUTSIDE, 2.5, 0.5)))
  await edna.keyboard.press('Escape')
  await expect
    .poll(
      () =>
        fay.evaluate(() => {
          type Editor = { getCurrentPageShapes(): { type: string }[] }
          const editor = (window as unknown as { __flowmap?: { editor?: Editor } }).__flowmap?.editor
          return editor?.getCurrentPageShapes().filter((shape) => shape.type === 'note').length
        }),
      { timeout: 15_000 },
    )
    .toBe(1)
  await screenshot(edna, testInfo, 'toolset-restricted')

  // A step is not: a forced move of one is refused, with the reason.
  const before = await positionOf(edna, STEP_OUTSIDE)
  await forceMove(edna, STEP_OUTSIDE, 900)
  await expect(edna.getByTestId('refusal-banner')).toContainText(
    'the facilitator has limited the tools to sticky notes and connectors: you cannot change a step',
    { timeout: 15_000 },
  )
  await expect.poll(() => positionOf(edna, STEP_OUTSIDE), { timeout: 15_000 }).toEqual(before)
  expect(await positionOf(fay, STEP_OUTSIDE)).toEqual(before)
})

function xy(point: { x: number; y: number }): [number, number] {
  return [point.x, point.y]
}
