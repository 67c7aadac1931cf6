import type { Role } from '@flowmap/shared'
import { connector, documentRecord, pageRecord, workflowShape } from '@flowmap/shared/testing'
import type { Page, TestInfo } from '@playwright/test'
import { seedBoard } from '../../sync-server/src/testing/seed-board.ts'
import {
  canvasPoint,
  clickAt,
  drag,
  openBoard,
  openNewBoard,
  screenPointIn,
  shapesOfType,
} from '../board/flowmap-page.ts'
import { expect, test } from '../fixtures/test.ts'

// Issue 12, point 7 (readable at every zoom) and the UI items of point 10.

const hr: Role = { id: 'role:hr', name: 'People team', color: '#e8590c', kind: 'team' }
const it: Role = { id: 'role:it', name: 'IT helpdesk', color: '#1c7ed6', kind: 'team' }
const bot: Role = { id: 'role:bot', name: 'Onboarding Bot', color: '#ae3ec9', kind: 'ai-agent' }
const manager: Role = { id: 'role:mgr', name: 'Customer Success Manager', color: '#2f9e44', kind: 'person' }
const roles = [hr, it, bot, manager]

/** An onboarding map wide enough that zoom-to-fit lands near 55 % on a 1280×720 window with the panels open. */
function onboardingMap() {
  const step = (id: string, x: number, y: number, label: string, owner: Role, props = {}) =>
    workflowShape('step', { id, x, y, props: { label, owner: owner.id, ...props } })
  return [
    documentRecord(),
    pageRecord(),
    workflowShape('event', { id: 'start', x: 0, y: 230, props: { kind: 'start', label: 'Offer signed' } }),
    step('contract', 140, 200, 'Send contract', hr, { status: 'done' }),
    step('account', 420, 60, 'Create accounts', it, { status: 'doing' }),
    step('laptop', 700, 60, 'Ship laptop', it, { status: 'blocked' }),
    step('welcome', 420, 340, 'Welcome email', bot, { automation: 'ai-agent' }),
    workflowShape('decision', { id: 'ready', x: 980, y: 195, props: { question: 'Ready for day one?' } }),
    step('buddy', 1240, 60, 'Assign a buddy', manager),
    step('plan', 1240, 340, 'First-week plan', hr),
    workflowShape('event', { id: 'end', x: 1540, y: 230, props: { kind: 'end', label: 'Day one' } }),
    ...connector({ id: 'c1', from: 'start', to: 'contract' }),
    ...connector({ id: 'c2', from: 'contract', to: 'account' }),
    ...connector({ id: 'c3', from: 'contract', to: 'welcome' }),
    ...connector({ id: 'c4', from: 'account', to: 'laptop' }),
    ...connector({ id: 'c5', from: 'laptop', to: 'ready' }),
    ...connector({ id: 'c6', from: 'welcome', to: 'ready' }),
    ...connector({ id: 'c7', from: 'ready', to: 'buddy', branch: 'yes', text: 'yes' }),
    ...connector({ id: 'c8', from: 'ready', to: 'plan', branch: 'no', text: 'no' }),
    ...connector({ id: 'c9', from: 'buddy', to: 'end' }),
    ...connector({ id: 'c10', from: 'plan', to: 'end' }),
  ]
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`zoom-${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(`zoom: ${name}`, { path, contentType: 'image/png' })
}

type HookEditor = {
  zoomToFit(options?: { animation?: { duration: number } }): void
  getZoomLevel(): number
  getShape(id: string): { isLocked: boolean; props: Record<string, unknown> } | undefined
  getSelectedShapeIds(): string[]
  select(...ids: string[]): void
  selectNone(): void
  createShape(shape: Record<string, unknown>): void
  user: { getIsDarkMode(): boolean }
}

function zoomToFit(page: Page): Promise<number> {
  return page.evaluate(() => {
    const editor = (window as unknown as { __flowmap: { editor: HookEditor } }).__flowmap.editor
    editor.zoomToFit()
    return editor.getZoomLevel()
  })
}

/** A label's font size as it reaches the screen: its CSS size in page units times the canvas zoom. */
function screenFontSizes(page: Page, selector: string): Promise<number[]> {
  return page.evaluate((selector) => {
    const editor = (window as unknown as { __flowmap: { editor: HookEditor } }).__flowmap.editor
    return [...document.querySelectorAll(selector)].map(
      (element) => Number.parseFloat(getComputedStyle(element).fontSize) * editor.getZoomLevel(),
    )
  }, selector)
}

test('step cards stay readable at zoom-to-fit', async ({ page, server }, testInfo) => {
  const boardId = await seedBoard(server.url, {
    title: 'Employee onboarding',
    records: onboardingMap(),
    roles,
  })
  await openBoard(page, boardId)
  await expect(page.locator('.flowmap-step')).toHaveCount(6)

  const zoom = await zoomToFit(page)
  expect(zoom, 'the map fits below the legible zoom, as a real map does').toBeLessThan(0.75)
  expect(zoom).toBeGreaterThan(0.4)

  // Every card turns into its overview: a large label, a status dot, the owner as a coloured band.
  const overviewLabels = '.flowmap-step[data-zoom-mode="overview"] .flowmap-step__label'
  await expect(page.locator(overviewLabels)).toHaveCount(6)
  for (const size of await screenFontSizes(page, overviewLabels)) expect(size).toBeGreaterThanOrEqual(11)
  const questions = '.flowmap-decision[data-zoom-mode="overview"] .flowmap-decision__label'
  await expect(page.locator(questions)).toHaveCount(1)
  for (const size of await screenFontSizes(page, questions)) expect(size).toBeGreaterThanOrEqual(11)
  const blocked = page.locator('.flowmap-step[data-status="blocked"]')
  await expect(blocked.locator('.flowmap-step__status-dot')).toBeVisible()
  await expect(blocked.locator('.flowmap-step__label')).toHaveText('Ship laptop')
  // The owner band is the owner role's colour (IT helpdesk: #1c7ed6).
  const band = await blocked.evaluate((card) => getComputedStyle(card, '::before').backgroundColor)
  expect(band).toBe('rgb(28, 126, 214)')
  // No style panel over the map with nothing selected.
  await expect(page.getByTestId('style.panel')).toHaveCount(0)
  await screenshot(page, testInfo, 'fit')

  // Zoomed in past the legible zoom, the detailed card is back: badges and footer.
  await page.evaluate(() => {
    const editor = (window as unknown as { __flowmap: { editor: { resetZoom(): void } } }).__flowmap.editor
    editor.resetZoom()
  })
  await expect(page.locator('.flowmap-step[data-zoom-mode="detailed"]').first()).toBeVisible()
  await expect(page.locator('.flowmap-step__badges').first()).toBeVisible()
  await expect(page.locator('.flowmap-step__status-dot')).toHaveCount(0)
})

test("connector labels use the board's font and sit beside the line", async ({ page, server }, testInfo) => {
  const boardId = await seedBoard(server.url, {
    title: 'Employee onboarding',
    records: onboardingMap(),
    roles,
  })
  await openBoard(page, boardId)
  // Off-screen shapes are culled; the whole map in view shows every label.
  await zoomToFit(page)
  const label = page.locator('[data-shape-type="arrow"] .tl-rich-text').filter({ hasText: /^yes$/ })
  await expect(label).toBeVisible()
  const fontOf = (element: Element) =>
    getComputedStyle(element.querySelector('.tl-rich-text') ?? element).fontFamily
  const labelFont = await label.evaluate(fontOf)
  const cardFont = await page.locator('.flowmap-step__label').first().evaluate(fontOf)
  expect(labelFont).toBe(cardFont)
  expect(labelFont).not.toMatch(/tldraw_draw|shantell/i)

  // Close up on the decision's branches: each label is clear of its own line.
  await page.evaluate(() => {
    const editor = (window as unknown as { __flowmap: { editor: HookEditor & { zoomToSelection(): void } } })
      .__flowmap.editor
    editor.select('shape:ready', 'shape:buddy', 'shape:plan')
    editor.zoomToSelection()
    editor.selectNone()
  })
  for (const [arrowId, text] of [
    ['shape:c7', 'yes'],
    ['shape:c8', 'no'],
  ] as const) {
    const box = await page
      .locator(`[data-shape-type="arrow"] .tl-rich-text`)
      .filter({ hasText: new RegExp(`^${text}$`) })
      .boundingBox()
    if (!box) throw new Error(`the "${text}" label is not on screen`)
    const line = await linePointsOnScreen(page, arrowId)
    const onLabel = line.filter(
      (p) => p.x > box.x && p.x < box.x + box.width && p.y > box.y && p.y < box.y + box.height,
    )
    expect(onLabel, `the line of "${text}" runs clear of its label`).toEqual([])
  }
  await screenshot(page, testInfo, 'connector-labels')
})

/** Points along a connector's line, on screen, 2 px apart or closer. */
function linePointsOnScreen(page: Page, arrowId: string): Promise<{ x: number; y: number }[]> {
  return page.evaluate((id) => {
    type Point = { x: number; y: number }
    type Editor = {
      getShapeGeometry(id: string): { children: { vertices: Point[] }[] }
      getShapePageTransform(id: string): { applyToPoint(point: Point): Point }
      pageToScreen(point: Point): Point
    }
    const editor = (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor
    const transform = editor.getShapePageTransform(id)
    const vertices = editor
      .getShapeGeometry(id)
      .children[0]!.vertices.map((point) => editor.pageToScreen(transform.applyToPoint(point)))
    const points: Point[] = []
    for (let i = 1; i < vertices.length; i++) {
      const a = vertices[i - 1]!
      const b = vertices[i]!
      const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 2))
      for (let step = 0; step <= steps; step++)
        points.push({ x: a.x + ((b.x - a.x) * step) / steps, y: a.y + ((b.y - a.y) * step) / steps })
    }
    return points
  }, arrowId)
}

test('new connectors are elbow', async ({ page, openUser }, testInfo) => {
  const boardId = await openNewBoard(page)
  await page.getByTestId('tools.step').click()
  await clickAt(page, await canvasPoint(page, 0.25, 0.3))
  await page.getByTestId('tools.step').click()
  await clickAt(page, await canvasPoint(page, 0.65, 0.7))
  await expect.poll(async () => (await shapesOfType(page, 'step')).length).toBe(2)
  const [first, second] = (await shapesOfType(page, 'step')).sort((p, q) => p.x - q.x)
  if (!first || !second) throw new Error('expected two steps')

  // Drawn with tldraw's arrow tool, from one card to the other.
  await page.keyboard.press('Escape')
  await page.keyboard.press('a')
  await drag(
    page,
    await screenPointIn(page, first.id, 0.8, 0.5),
    await screenPointIn(page, second.id, 0.5, 0.5),
  )
  await expect
    .poll(async () => (await shapesOfType(page, 'arrow')).map((arrow) => arrow.props.kind))
    .toEqual(['elbow'])
  await page.keyboard.press('Escape')
  await screenshot(page, testInfo, 'elbow')

  // The server accepts it: a second person sees the elbow connector.
  const other = await openUser()
  await openBoard(other.page, boardId)
  await expect
    .poll(async () => (await shapesOfType(other.page, 'arrow')).map((arrow) => arrow.props.kind), {
      timeout: 30_000,
    })
    .toEqual(['elbow'])
})

test('style panel appears only with a selection', async ({ page }, testInfo) => {
  await openNewBoard(page)
  await page.evaluate(() => {
    const editor = (window as unknown as { __flowmap: { editor: HookEditor } }).__flowmap.editor
    editor.createShape({ id: 'shape:note', type: 'note', x: 200, y: 200 })
    editor.selectNone()
  })
  await expect(page.getByTestId('style.panel')).toHaveCount(0)
  await screenshot(page, testInfo, 'no-selection')

  await page.evaluate(() => {
    const editor = (window as unknown as { __flowmap: { editor: HookEditor } }).__flowmap.editor
    editor.select('shape:note')
  })
  await expect(page.getByTestId('style.panel')).toBeVisible()
  await screenshot(page, testInfo, 'with-selection')

  await page.evaluate(() => {
    const editor = (window as unknown as { __flowmap: { editor: HookEditor } }).__flowmap.editor
    editor.selectNone()
  })
  await expect(page.getByTestId('style.panel')).toHaveCount(0)
})

test('Ctrl+/ opens the shortcuts dialog listing the workflow keys', async ({ page }, testInfo) => {
  await openNewBoard(page)
  await clickAt(page, await canvasPoint(page, 0.5, 0.5))
  await page.keyboard.press('Control+/')
  const dialog = page.locator('.tlui-shortcuts-dialog__body')
  await expect(dialog).toBeVisible()
  const workflowKeys = {
    stage: ['Stage', 'C'],
    lane: ['Swimlane', 'W'],
    step: ['Step', 'S'],
    decision: ['Decision', 'Y'],
    artifact: ['Artifact', 'I'],
    event: ['Start / end', 'M'],
  } as const
  for (const [id, [label, key]] of Object.entries(workflowKeys)) {
    const row = dialog.getByTestId(`kbd.${id}`)
    await expect(row.locator('.tlui-shortcuts-dialog__key-pair__key')).toHaveText(label)
    await expect(row.locator('.tlui-shortcuts-dialog__key-pair__value')).toHaveText(key)
  }
  // Ctrl+/ was tldraw's dark-mode key; it opens the list now and leaves the theme alone.
  expect(
    await page.evaluate(() =>
      (window as unknown as { __flowmap: { editor: HookEditor } }).__flowmap.editor.user.getIsDarkMode(),
    ),
  ).toBe(false)
  await screenshot(page, testInfo, 'shortcuts')
})

test('Shift+L locks a step', async ({ page }, testInfo) => {
  await openNewBoard(page)
  await page.getByTestId('tools.step').click()
  await clickAt(page, await canvasPoint(page, 0.5, 0.5))
  await expect.poll(async () => (await shapesOfType(page, 'step')).length).toBe(1)
  const [step] = await shapesOfType(page, 'step')
  if (!step) throw new Error('expected a step')
  // Out of the new step's label, with the step selected, as after a click on it.
  await page.keyboard.press('Escape')
  await page.evaluate((id) => {
    const editor = (window as unknown as { __flowmap: { editor: HookEditor } }).__flowmap.editor
    editor.select(id)
  }, step.id)
  await page.keyboard.press('Shift+L')
  const locked = () =>
    page.evaluate(
      (id) =>
        (window as unknown as { __flowmap: { editor: HookEditor } }).__flowmap.editor.getShape(id)?.isLocked,
      step.id,
    )
  await expect.poll(locked).toBe(true)
  // A locked step stays put when dragged.
  const before = (await shapesOfType(page, 'step'))[0]
  await drag(page, await screenPointIn(page, step.id, 0.5, 0.15), await canvasPoint(page, 0.2, 0.2))
  expect((await shapesOfType(page, 'step'))[0]).toMatchObject({ x: before?.x, y: before?.y })
  await screenshot(page, testInfo, 'locked')
  await page.evaluate((id) => {
    const editor = (window as unknown as { __flowmap: { editor: HookEditor } }).__flowmap.editor
    editor.select(id)
  }, step.id)
  await page.keyboard.press('Shift+L')
  await expect.poll(locked).toBe(false)
})

test('a long role name is not cut', async ({ page, server }, testInfo) => {
  const boardId = await seedBoard(server.url, {
    title: 'Employee onboarding',
    records: onboardingMap(),
    roles,
  })
  await openBoard(page, boardId)
  for (const role of [bot, manager]) {
    const name = page.getByRole('textbox', { name: `Name of role ${role.name}` })
    await expect(name).toHaveValue(role.name)
    const fits = await name.evaluate((input) => input.scrollWidth <= input.clientWidth)
    expect(fits, `"${role.name}" fits its field`).toBe(true)
  }
  await page.getByTestId('role-row').first().scrollIntoViewIfNeeded()
  await screenshot(page, testInfo, 'roles')
})

test('a shape created while Checks shows brings up its Properties', async ({ page }) => {
  await openNewBoard(page)
  await page.getByTestId('sidebar-tab-checks').click()
  await expect(page.getByTestId('sidebar-tab-checks')).toHaveAttribute('aria-selected', 'true')
  await page.getByTestId('tools.step').click()
  await clickAt(page, await canvasPoint(page, 0.5, 0.5))
  await expect(page.getByTestId('sidebar-tab-properties')).toHaveAttribute('aria-selected', 'true')

  // Selecting a shape from the checks list keeps the list in view.
  await page.getByTestId('sidebar-tab-checks').click()
  await page.getByTestId('lint-panel').getByTestId('lint-issue').first().click()
  await expect(page.getByTestId('sidebar-tab-checks')).toHaveAttribute('aria-selected', 'true')
})
