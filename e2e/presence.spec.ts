import type { Page } from '@playwright/test'
import {
  canvasPoint,
  clickAt,
  openNewBoard,
  screenCenterOf,
  shapesOfType,
  viewportCentre,
} from './board/flowmap-page.ts'
import { openTwoUsersOnOneBoard } from './board/two-users.ts'
import { expect, test } from './fixtures/test.ts'

/** Sets this device's presence name through the People panel, as a person would. */
async function nameMyself(page: Page, name: string): Promise<void> {
  await page.getByTestId('people-button').click()
  const input = page.getByTestId('presence-name')
  await input.fill(name)
  await input.press('Enter')
  await page.keyboard.press('Escape')
}

type Collaborator = { userName: string; cursor: { x: number; y: number } | null; selectedShapeIds: string[] }

function collaboratorsOf(page: Page): Promise<Collaborator[]> {
  return page.evaluate(() => {
    type Editor = { getCollaborators(): Collaborator[] }
    const editor = (window as unknown as { __flowmap?: { editor?: Editor } }).__flowmap?.editor
    return (editor?.getCollaborators() ?? []).map(({ userName, cursor, selectedShapeIds }) => ({
      userName,
      cursor,
      selectedShapeIds,
    }))
  })
}

function pagePointOf(page: Page, screen: { x: number; y: number }): Promise<{ x: number; y: number }> {
  return page.evaluate((point) => {
    type Editor = { screenToPage(p: { x: number; y: number }): { x: number; y: number } }
    const editor = (window as unknown as { __flowmap?: { editor?: Editor } }).__flowmap?.editor
    const { x, y } = editor?.screenToPage(point) ?? { x: Number.NaN, y: Number.NaN }
    return { x, y }
  }, screen)
}

test("A and B see each other's cursor, with the name, and each other's selection", async ({ openUser }) => {
  const { a, b } = await openTwoUsersOnOneBoard(openUser)
  await nameMyself(a.page, 'Ada')
  await nameMyself(b.page, 'Bob')

  await a.page.getByTestId('tools.step').click()
  await clickAt(a.page, await canvasPoint(a.page, 0.4, 0.4))
  await expect.poll(async () => (await shapesOfType(b.page, 'step')).length, { timeout: 15_000 }).toBe(1)
  const [step] = await shapesOfType(a.page, 'step')

  // A's pointer over the canvas shows on B's screen as a cursor with A's name, where A points.
  const aScreen = await canvasPoint(a.page, 0.7, 0.6)
  await a.page.mouse.move(aScreen.x, aScreen.y, { steps: 4 })
  const aPage = await pagePointOf(a.page, aScreen)
  await expect(b.page.locator('.tl-collaborators__item .tl-nametag', { hasText: 'Ada' })).toBeVisible({
    timeout: 10_000,
  })
  await expect
    .poll(async () => {
      const ada = (await collaboratorsOf(b.page)).find((c) => c.userName === 'Ada')
      return ada?.cursor
        ? Math.hypot(ada.cursor.x - aPage.x, ada.cursor.y - aPage.y)
        : Number.POSITIVE_INFINITY
    })
    .toBeLessThan(2)

  // And the other way round.
  const bScreen = await canvasPoint(b.page, 0.2, 0.7)
  await b.page.mouse.move(bScreen.x, bScreen.y, { steps: 4 })
  await expect(a.page.locator('.tl-collaborators__item .tl-nametag', { hasText: 'Bob' })).toBeVisible({
    timeout: 10_000,
  })

  // A selects the step: B's view of A carries that selection (tldraw outlines it in A's colour).
  await clickAt(a.page, await screenCenterOf(a.page, step!.id))
  await expect
    .poll(async () => (await collaboratorsOf(b.page)).find((c) => c.userName === 'Ada')?.selectedShapeIds)
    .toEqual([step!.id])
  // Two people never wear the same colour unless one of them chose it.
  await expect
    .poll(() =>
      b.page.evaluate(() => {
        type Editor = { getCollaborators(): { color: string }[]; user: { getColor(): string } }
        const editor = (window as unknown as { __flowmap?: { editor?: Editor } }).__flowmap?.editor
        return editor ? editor.getCollaborators()[0]?.color !== editor.user.getColor() : false
      }),
    )
    .toBe(true)
  // B's people list shows A online, with a role.
  await b.page.getByTestId('people-button').click()
  const ada = b.page.getByTestId('person').filter({ hasText: 'Ada' })
  await expect(ada).toHaveAttribute('data-activity', 'online')
  await expect(ada).toContainText('Facilitator')
})

test('B follows A: B sees what A sees when A pans, until B pans or stops', async ({ openUser }) => {
  const { a, b } = await openTwoUsersOnOneBoard(openUser)
  await nameMyself(a.page, 'Ada')
  await nameMyself(b.page, 'Bob')
  // A must have been on the canvas for B to follow A's view.
  const aCanvas = await canvasPoint(a.page, 0.5, 0.5)
  await a.page.mouse.move(aCanvas.x, aCanvas.y, { steps: 3 })

  await b.page.getByTestId('people-button').click()
  await b.page.getByRole('button', { name: 'Follow Ada' }).click()
  await b.page.keyboard.press('Escape')
  const banner = b.page.getByTestId('following-banner')
  await expect(banner).toContainText('Following Ada')

  // A pans far away with the wheel; B's viewport goes there too.
  for (let i = 0; i < 6; i++) await a.page.mouse.wheel(300, 200)
  const aCentre = await viewportCentre(a.page)
  expect(Math.abs(aCentre.x) + Math.abs(aCentre.y), 'A really moved').toBeGreaterThan(1000)
  await expect
    .poll(
      async () => {
        const bCentre = await viewportCentre(b.page)
        return Math.hypot(bCentre.x - aCentre.x, bCentre.y - aCentre.y)
      },
      { timeout: 10_000 },
    )
    .toBeLessThan(20)

  // B pans: following stops, and A's next pan leaves B where B is.
  const bCanvas = await canvasPoint(b.page, 0.5, 0.5)
  await b.page.mouse.move(bCanvas.x, bCanvas.y)
  await b.page.mouse.wheel(0, 300)
  await expect(banner).toBeHidden()
  const bStays = await viewportCentre(b.page)
  for (let i = 0; i < 4; i++) await a.page.mouse.wheel(-400, 0)
  await expect.poll(async () => (await viewportCentre(a.page)).x).toBeLessThan(aCentre.x - 1000)
  expect(await viewportCentre(b.page)).toEqual(bStays)

  // Following again, the banner's button stops it too.
  await b.page.getByTestId('people-button').click()
  await b.page.getByRole('button', { name: 'Follow Ada' }).click()
  await b.page.keyboard.press('Escape')
  await expect(banner).toBeVisible()
  await banner.getByRole('button', { name: 'Stop following' }).click()
  await expect(banner).toBeHidden()
})

test('the People, Export and Share controls are reachable by keyboard, labelled, and show where focus is', async ({
  page,
}) => {
  await openNewBoard(page)
  await page.getByRole('textbox', { name: 'Board title' }).focus()
  const reached: string[] = []
  for (let i = 0; i < 12 && reached.length < 3; i++) {
    await page.keyboard.press('Tab')
    const name = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')
    if (/^(People \(1\)|Export|Share)$/.test(name)) reached.push(name)
  }
  expect(reached).toEqual(['People (1)', 'Export', 'Share'])
  // The focused Share button is outlined (visible focus), and Enter opens its dialog with focus inside.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)
  expect(outline).not.toBe('none')
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Share this board' })
  await expect(dialog).toBeVisible()
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog')))).toBe(true)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // People by keyboard: Enter opens the list, the name field is labelled and reachable.
  await page.getByTestId('people-button').focus()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('textbox', { name: 'Your name' })).toBeFocused()
  await expect(page.getByRole('radiogroup', { name: 'Your colour' })).toBeVisible()
})

test('the side panels are one Tab stop; arrow keys switch Properties, Checks, Insights, Comments and Activity, and Tab enters the panel', async ({
  page,
}) => {
  await openNewBoard(page)
  const tab = (name: string) => page.getByRole('tab', { name })
  await tab('Properties').focus()
  await expect(tab('Properties')).toHaveAttribute('aria-selected', 'true')
  // Only the selected tab is in the Tab order.
  await expect(tab('Checks')).toHaveAttribute('tabindex', '-1')

  await page.keyboard.press('ArrowRight')
  await expect(tab('Checks')).toBeFocused()
  await expect(tab('Checks')).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('tabpanel', { name: 'Checks' })).toBeVisible()
  await page.keyboard.press('ArrowRight')
  await expect(tab('Insights')).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(tab('Comments')).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(tab('Activity')).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(tab('Properties')).toBeFocused()
  await page.keyboard.press('End')
  await expect(tab('Activity')).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(tab('Comments')).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(tab('Insights')).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(tab('Checks')).toBeFocused()

  // Tab leaves the tab list for the shown panel: the first rule switch of the Checks panel.
  await page.keyboard.press('Tab')
  const focusedInPanel = await page.evaluate(
    () => document.activeElement?.closest('[role="tabpanel"]')?.getAttribute('aria-labelledby') ?? null,
  )
  expect(focusedInPanel).toBe('flowmap-tab-checks')
})
