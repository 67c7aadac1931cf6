/**
 * Issue 12, point 9 on tablets: at 820×1180 (portrait) and 1024×768 (landscape) with touch, the header
 * keeps to one line, the panels are a drawer that covers neither the header nor the toolbars, every
 * control is a finger wide (44 px), and while following someone only our banner offers "Stop
 * following" (tldraw's own pill steps aside).
 */
import type { Role, writeRecords } from '@flowmap/shared'
import { connector, documentRecord, pageRecord, workflowShape } from '@flowmap/shared/testing'
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test'
import { seedBoard } from '../../sync-server/src/testing/seed-board.ts'
import { canvasPoint, waitForBoard } from '../board/flowmap-page.ts'
import { expect, test } from '../fixtures/test.ts'

type Box = { left: number; top: number; right: number; bottom: number; width: number; height: number }

const hr: Role = { id: 'role:hr', name: 'HR', color: '#e8590c', kind: 'team' }

/** Hired → three steps in a row → Day one. */
function onboardingMap(): Parameters<typeof writeRecords>[1] {
  const labels = ['Send the contract', 'Ship a laptop', 'Book a desk']
  const ids = ['start', ...labels.map((_, index) => `step${index}`), 'end']
  return [
    documentRecord(),
    pageRecord(),
    workflowShape('event', { id: 'start', x: 0, y: 130, props: { kind: 'start', label: 'Hired' } }),
    ...labels.map((label, index) =>
      workflowShape('step', {
        id: `step${index}`,
        x: 140 + 260 * index,
        y: 100,
        props: { label, owner: hr.id },
      }),
    ),
    workflowShape('event', { id: 'end', x: 920, y: 130, props: { kind: 'end', label: 'Day one' } }),
    ...ids.slice(1).flatMap((to, index) => connector({ id: `c${index}`, from: ids[index]!, to })),
  ]
}

const TABLETS = [
  { name: 'portrait', viewport: { width: 820, height: 1180 } },
  { name: 'landscape', viewport: { width: 1024, height: 768 } },
] as const

// Contexts of our own (with touch), closed after each test: a tablet left open keeps drawing.
const opened: BrowserContext[] = []
test.afterEach(async () => {
  for (const context of opened.splice(0)) await context.close()
})

async function openTablet(
  browser: Browser,
  serverUrl: string,
  boardId: string,
  viewport: { width: number; height: number },
) {
  const context = await browser.newContext({ baseURL: serverUrl, viewport, hasTouch: true })
  opened.push(context)
  const page = await context.newPage()
  await page.goto(`/b/${boardId}`)
  await waitForBoard(page)
  return page
}

/** The boxes of the visible elements a selector matches, with what each is called. */
function boxesOf(page: Page, selector: string): Promise<{ what: string; box: Box }[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements
      .filter(
        (element) =>
          (element as HTMLElement).offsetParent !== null || getComputedStyle(element).position === 'fixed',
      )
      .map((element) => ({
        what: element.textContent?.trim() || element.getAttribute('aria-label') || element.className,
        box: element.getBoundingClientRect().toJSON() as Box,
      })),
  )
}

/** Fails naming the control when it is off the screen or smaller than a finger (44 px). */
async function expectTouchable(page: Page, selector: string): Promise<void> {
  const { width } = page.viewportSize()!
  const boxes = await boxesOf(page, selector)
  expect(boxes.length, `${selector}: some on screen`).toBeGreaterThan(0)
  for (const { what, box } of boxes) {
    expect(box.left, `${what}: on screen`).toBeGreaterThanOrEqual(0)
    expect(box.right, `${what}: on screen`).toBeLessThanOrEqual(width)
    expect(box.height, `${what}: tall enough for a finger`).toBeGreaterThanOrEqual(44)
  }
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}

async function onlyBox(page: Page, selector: string): Promise<Box> {
  const boxes = await boxesOf(page, selector)
  expect(boxes, `${selector}: exactly one on screen`).toHaveLength(1)
  return boxes[0]!.box
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

for (const { name, viewport } of TABLETS) {
  test(`a ${viewport.width}×${viewport.height} touch tablet: one-line header, panels in a drawer clear of the toolbars, 44 px targets (${name})`, async ({
    browser,
    server,
  }, testInfo) => {
    const boardId = await seedBoard(server.url, {
      title: 'Employee onboarding',
      records: onboardingMap(),
      roles: [hr],
    })
    const page = await openTablet(browser, server.url, boardId, viewport)

    // The header holds everything on one line, and each of its controls is big enough to tap.
    const header = await onlyBox(page, '.flowmap-header')
    expect(
      await page.locator('.flowmap-header').evaluate((element) => element.scrollWidth),
    ).toBeLessThanOrEqual(viewport.width)
    await expectTouchable(
      page,
      '.flowmap-header__brand, .flowmap-header__title, .flowmap-header .flowmap-button',
    )
    for (const { what, box } of await boxesOf(
      page,
      '.flowmap-header .flowmap-button, [data-testid="connection-status"]',
    ))
      expect(box.bottom, `${what} stays inside the header`).toBeLessThanOrEqual(header.bottom)
    await expectTouchable(page, '.tlui-main-toolbar .tlui-button, [data-testid="replay.open"]')

    // The panels start closed (the board gets the room) and open as a drawer below the header that
    // ends above the toolbars.
    const panels = page.locator('.flowmap-header__panels')
    await expect(page.locator('#flowmap-sidebar')).toBeHidden()
    await panels.tap()
    await expect(page.locator('#flowmap-sidebar')).toBeVisible()
    const drawer = await onlyBox(page, '#flowmap-sidebar')
    expect(drawer.top, 'the drawer starts below the header').toBeGreaterThanOrEqual(header.bottom)
    for (const toolbar of ['.tlui-main-toolbar', '[data-testid="workflow-toolbar"]']) {
      const box = await onlyBox(page, toolbar)
      expect(overlaps(drawer, box), `the drawer leaves ${toolbar} free`).toBe(false)
    }
    expect(drawer.left, 'the board stays in view beside the drawer').toBeGreaterThan(viewport.width * 0.4)
    await expectTouchable(page, '.flowmap-sidebar__tab')
    await page.getByTestId('sidebar-tab-checks').tap()
    await expect(page.getByTestId('lint-panel')).toBeVisible()
    await page.getByTestId('sidebar-tab-properties').tap()
    await screenshot(page, testInfo, name === 'portrait' ? 'tablet-board' : 'tablet-board-landscape')

    // A tap on Hide panels gives the board back.
    await panels.tap()
    await expect(page.locator('#flowmap-sidebar')).toBeHidden()
  })
}

test('following someone on a tablet: our banner and no second "Stop following" from tldraw', async ({
  browser,
  server,
  openUser,
}, testInfo) => {
  const boardId = await seedBoard(server.url, {
    title: 'Employee onboarding',
    records: onboardingMap(),
    roles: [hr],
  })
  const ada = await openUser()
  await ada.page.setViewportSize({ width: 1280, height: 800 })
  await ada.page.goto(`/b/${boardId}`)
  await waitForBoard(ada.page)
  await ada.page.getByTestId('people-button').click()
  await ada.page.getByTestId('presence-name').fill('Ada')
  await ada.page.getByTestId('presence-name').press('Enter')
  await ada.page.keyboard.press('Escape')
  const spot = await canvasPoint(ada.page, 0.5, 0.5)
  await ada.page.mouse.move(spot.x, spot.y, { steps: 3 })

  const tablet = await openTablet(browser, server.url, boardId, TABLETS[0].viewport)
  await tablet.getByTestId('people-button').tap()
  await expectTouchable(tablet, '.flowmap-presence__people .flowmap-button')
  await tablet.getByRole('button', { name: 'Follow Ada' }).tap()
  const banner = tablet.getByTestId('following-banner')
  await expect(banner).toContainText('Following Ada')
  await tablet.keyboard.press('Escape')
  await expect(banner).toBeVisible()

  // Ada moves; the tablet's view goes with her.
  for (let i = 0; i < 3; i++) await ada.page.mouse.wheel(300, 200)
  await expect
    .poll(() => tablet.evaluate(() => document.querySelectorAll('.tlui-helper-buttons *').length))
    .toBe(0)
  // One way to stop following on the screen, ours, and it is a finger wide and covers nothing.
  await expect(tablet.getByRole('button', { name: 'Stop following' })).toHaveCount(1)
  await expect(banner.getByRole('button', { name: 'Stop following' })).toBeVisible()
  await expectTouchable(tablet, '[data-testid="following-banner"] .flowmap-button')
  const bannerBox = await onlyBox(tablet, '[data-testid="following-banner"]')
  for (const other of ['.flowmap-header', '[data-testid="replay.open"]']) {
    expect(overlaps(bannerBox, await onlyBox(tablet, other)), `the banner leaves ${other} free`).toBe(false)
  }
  await screenshot(tablet, testInfo, 'tablet-following')

  await banner.getByRole('button', { name: 'Stop following' }).tap()
  await expect(banner).toHaveCount(0)
  // tldraw's helpers come back once nobody is followed.
  await expect(tablet.locator('.tlui-helper-buttons')).toHaveCount(1)
})
