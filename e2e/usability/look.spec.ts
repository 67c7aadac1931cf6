/**
 * Issue 12, points 6 and 9: replay looks like the rest of the app (opens fitted to the map, the licence
 * badge never covers its timeline) and dark mode reaches the app's chrome and the workflow cards.
 */
import type { Role, writeRecords } from '@flowmap/shared'
import { connector, documentRecord, pageRecord, workflowShape } from '@flowmap/shared/testing'
import type { Page, TestInfo } from '@playwright/test'
import { seedBoard } from '../../sync-server/src/testing/seed-board.ts'
import { openBoard } from '../board/flowmap-page.ts'
import { expect, test } from '../fixtures/test.ts'

type Box = { x: number; y: number; width: number; height: number }

const ana: Role = { id: 'role:ana', name: 'Ana', color: '#e8590c', kind: 'person' }

/** Steps spread far beyond one screen at 100 %: from (-2400, -1600) to (4200, 2800). */
function spreadMap(): Parameters<typeof writeRecords>[1] {
  const corners = [
    [-2400, -1600],
    [4200, -1600],
    [-2400, 2800],
    [4200, 2800],
    [900, 600],
    [300, -900],
  ] as const
  return [
    documentRecord(),
    pageRecord(),
    ...corners.map(([x, y], index) =>
      workflowShape('step', {
        id: `far${index}`,
        x,
        y,
        props: { label: `Step ${index + 1}`, owner: ana.id },
      }),
    ),
  ]
}

/** The spread map on a new board, written in batches so replay has several moments. */
function seedSpreadMap(serverUrl: string, title: string): Promise<string> {
  return seedBoard(serverUrl, { title, records: spreadMap(), roles: [ana], batchSize: 2 })
}

async function openReplay(page: Page, boardId?: string): Promise<void> {
  if (boardId) await openBoard(page, boardId)
  await page.getByTestId('replay.open').click()
  await expect(page.getByTestId('replay.scrubber')).toBeVisible({ timeout: 30_000 })
}

test.use({ viewport: { width: 1280, height: 800 } })

test('replay opens fitted to the map', async ({ page, server }, testInfo) => {
  await openReplay(page, await seedSpreadMap(server.url, 'Spread map'))

  // Every shape's page bounds, in screen pixels, lie inside the replay canvas.
  const canvas = (await page.getByTestId('replay.canvas').boundingBox()) as Box
  const offScreen = async () => {
    const shapes = await page.evaluate(() => {
      type Bounds = { minX: number; minY: number; maxX: number; maxY: number }
      type Editor = {
        getCurrentPageShapes(): { id: string }[]
        getShapePageBounds(id: string): Bounds | undefined
        pageToScreen(point: { x: number; y: number }): { x: number; y: number }
      }
      const editor = (window as unknown as { __flowmapReplay?: { editor: Editor | null } }).__flowmapReplay
        ?.editor
      if (!editor) return []
      return editor.getCurrentPageShapes().map((shape) => {
        const bounds = editor.getShapePageBounds(shape.id) as Bounds
        const topLeft = editor.pageToScreen({ x: bounds.minX, y: bounds.minY })
        const bottomRight = editor.pageToScreen({ x: bounds.maxX, y: bounds.maxY })
        return { id: shape.id, left: topLeft.x, top: topLeft.y, right: bottomRight.x, bottom: bottomRight.y }
      })
    })
    return {
      shapes: shapes.length,
      offScreen: shapes
        .filter(
          (shape) =>
            shape.left < canvas.x ||
            shape.top < canvas.y ||
            shape.right > canvas.x + canvas.width ||
            shape.bottom > canvas.y + canvas.height,
        )
        .map((shape) => shape.id),
    }
  }
  await expect
    .poll(offScreen, {
      timeout: 15_000,
      message: 'every shape of the replayed map is inside the replay canvas',
    })
    .toEqual({ shapes: 6, offScreen: [] })
  await screenshot(page, testInfo, 'replay-fitted')
})

test('the licence badge does not cover the timeline', async ({ page, server }, testInfo) => {
  await openReplay(page, await seedSpreadMap(server.url, 'Badge'))
  const timeline = page.getByRole('region', { name: 'Replay timeline' })
  const timelineBox = (await timeline.boundingBox()) as Box
  const badges = page.getByTestId('replay').locator('.tl-watermark_SEE-LICENSE')
  // The badge stays (no licence key on http), and must be fully visible beside the timeline.
  await expect(badges.first()).toBeVisible({ timeout: 15_000 })
  for (const badge of await badges.all()) {
    const badgeBox = (await badge.boundingBox()) as Box
    expect(
      intersects(badgeBox, timelineBox),
      `badge ${JSON.stringify(badgeBox)} vs timeline ${JSON.stringify(timelineBox)}`,
    ).toBe(false)
    // And nothing of replay (change outlines, labels) is painted over it.
    const onTop = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('.tl-watermark_SEE-LICENSE') !== null,
      { x: badgeBox.x + badgeBox.width / 2, y: badgeBox.y + badgeBox.height / 2 },
    )
    expect(onTop, 'the licence badge is the topmost element at its centre').toBe(true)
  }
  // Nor does anything else cover the controls: the element at each control's centre is the control.
  for (const testId of ['replay.play', 'replay.next', 'replay.previous', 'replay.speed', 'replay.position']) {
    const control = page.getByTestId(testId)
    const box = (await control.boundingBox()) as Box
    const hit = await page.evaluate(
      ({ x, y, testId }) => document.elementFromPoint(x, y)?.closest(`[data-testid="${testId}"]`) !== null,
      { x: box.x + box.width / 2, y: box.y + box.height / 2, testId },
    )
    expect(hit, `${testId} is not covered`).toBe(true)
  }
  await screenshot(page, testInfo, 'replay-badge')
})

/** A small onboarding map with every kind of card, for the dark-mode screenshots. */
function onboardingMap(): Parameters<typeof writeRecords>[1] {
  const step = (id: string, x: number, y: number, label: string, props = {}) =>
    workflowShape('step', { id, x, y, props: { label, owner: ana.id, estimate: 2, ...props } })
  return [
    documentRecord(),
    pageRecord(),
    workflowShape('event', { id: 'start', x: 0, y: 130, props: { kind: 'start', label: 'Hired' } }),
    step('contract', 140, 100, 'Send the contract', { status: 'done' }),
    workflowShape('decision', { id: 'remote', x: 400, y: 90, props: { question: 'Remote?' } }),
    step('laptop', 620, 0, 'Ship a laptop', { status: 'doing', automation: 'automated' }),
    step('desk', 620, 220, 'Book a desk', { status: 'blocked', automation: 'ai-agent' }),
    workflowShape('artifact', {
      id: 'handbook',
      x: 880,
      y: 0,
      props: { label: 'Handbook', kind: 'document' },
    }),
    workflowShape('event', { id: 'end', x: 900, y: 240, props: { kind: 'end', label: 'Day one' } }),
    ...connector({ id: 'c1', from: 'start', to: 'contract' }),
    ...connector({ id: 'c2', from: 'contract', to: 'remote' }),
    ...connector({ id: 'c3', from: 'remote', to: 'laptop', branch: 'yes' }),
    ...connector({ id: 'c4', from: 'remote', to: 'desk', branch: 'no' }),
    ...connector({ id: 'c5', from: 'desk', to: 'end' }),
  ]
}

/** The element's computed background and text colours, and how dark the background is (0…1). */
async function colorsOf(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const parse = (value: string) => (value.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number)
      const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
        const channel = (c: number) => {
          const v = c / 255
          return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
        }
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
      }
      const style = getComputedStyle(element)
      const background = luminance(parse(style.backgroundColor))
      const text = luminance(parse(style.color))
      const [light, dark] = background > text ? [background, text] : [text, background]
      return {
        background: style.backgroundColor,
        backgroundLuminance: background,
        contrast: (light + 0.05) / (dark + 0.05),
      }
    })
}

function setColorScheme(page: Page, colorScheme: 'light' | 'dark' | 'system') {
  return page.evaluate((scheme) => {
    type Editor = { user: { updateUserPreferences(p: { colorScheme: string }): void } }
    ;(window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor.user.updateUserPreferences({
      colorScheme: scheme,
    })
  }, colorScheme)
}

function editorIsDark(page: Page) {
  return page.evaluate(() => {
    type Editor = { user: { getIsDarkMode(): boolean } }
    return (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor.user.getIsDarkMode()
  })
}

test('dark mode: header, panel and cards', async ({ page, server, openUser }, testInfo) => {
  const boardId = await seedBoard(server.url, {
    title: 'Employee onboarding',
    records: onboardingMap(),
    roles: [ana],
  })
  await openBoard(page, boardId)
  const root = page.locator('html')
  await expect(root).toHaveAttribute('data-theme', 'light')

  // The person picks dark in tldraw's preferences: the canvas, and with it the whole app, turns dark.
  await setColorScheme(page, 'dark')
  await expect(root).toHaveAttribute('data-theme', 'dark')
  expect(await editorIsDark(page)).toBe(true)
  await page.evaluate(() => {
    type Editor = { select(id: string): void; zoomToFit(): void }
    const editor = (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor
    editor.zoomToFit()
    editor.select('shape:laptop')
  })
  await expect(page.locator('.flowmap-sidebar')).toBeVisible()
  for (const selector of ['.flowmap-header', '.flowmap-sidebar', '.flowmap-step']) {
    const colors = await colorsOf(page, selector)
    expect(colors.backgroundLuminance, `${selector} background ${colors.background} is dark`).toBeLessThan(
      0.05,
    )
    expect(colors.contrast, `${selector} text is readable (WCAG AA)`).toBeGreaterThanOrEqual(4.5)
  }
  for (const selector of ['.flowmap-step__label', '.flowmap-panel__title', '.flowmap-header__title']) {
    const colors = await page
      .locator(selector)
      .first()
      .evaluate((element) => getComputedStyle(element).color)
    expect(colors, `${selector} text is light on the dark chrome`).not.toBe('rgb(29, 36, 51)')
  }
  await screenshot(page, testInfo, 'dark-board')
  // An export made in dark mode draws the cards in the dark set too (tldraw exports in the person's mode).
  const exported = await page.evaluate(async () => {
    type Editor = {
      getCurrentPageShapeIds(): Set<string>
      getSvgString(ids: string[], opts: { darkMode: boolean }): Promise<{ svg: string } | undefined>
    }
    const editor = (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor
    return (await editor.getSvgString([...editor.getCurrentPageShapeIds()], { darkMode: true }))?.svg ?? ''
  })
  expect(exported, 'the dark export has dark step paper').toContain('#23262d')
  expect(exported, 'and a dark decision').toContain('#3a3116')
  await page.getByTestId('sidebar-tab-insights').click()
  await screenshot(page, testInfo, 'dark-insights')
  await page.getByTestId('share-button').click()
  await expect(page.getByTestId('share-create')).toBeVisible()
  const shareColors = await colorsOf(page, '.flowmap-share')
  expect(shareColors.backgroundLuminance, 'the share dialog is dark').toBeLessThan(0.05)
  await screenshot(page, testInfo, 'dark-share')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('share-create')).toBeHidden()

  // Replay follows the same choice.
  await page.keyboard.press('Escape')
  await openReplay(page)
  const replayColors = await colorsOf(page, '.flowmap-timeline')
  expect(replayColors.backgroundLuminance, 'the replay timeline is dark').toBeLessThan(0.05)
  await screenshot(page, testInfo, 'dark-replay')
  await page.getByTestId('replay.close').click()

  // Back to light: the chrome follows again.
  await setColorScheme(page, 'light')
  await expect(root).toHaveAttribute('data-theme', 'light')
  expect((await colorsOf(page, '.flowmap-header')).backgroundLuminance).toBeGreaterThan(0.9)

  // A new browser that chose nothing, on a system set to dark: the home page is dark.
  const visitor = await openUser()
  await visitor.page.emulateMedia({ colorScheme: 'dark' })
  await visitor.page.setViewportSize({ width: 1280, height: 800 })
  await visitor.page.goto('/')
  await expect(visitor.page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(visitor.page.locator('.flowmap-home__header')).toBeVisible()
  for (const selector of ['.flowmap-home', '.flowmap-home__header']) {
    const colors = await colorsOf(visitor.page, selector)
    expect(colors.backgroundLuminance, `${selector} background ${colors.background} is dark`).toBeLessThan(
      0.05,
    )
  }
  await screenshot(visitor.page, testInfo, 'dark-home')
  // The system turning light turns the page light, with no reload.
  await visitor.page.emulateMedia({ colorScheme: 'light' })
  await expect(visitor.page.locator('html')).toHaveAttribute('data-theme', 'light')
})

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`look-${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(`look: ${name}`, { path, contentType: 'image/png' })
}
