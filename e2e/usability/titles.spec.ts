/**
 * Board titles and server boards (issue 12, point 5): a rename on the home page is the board's, seen by
 * everyone; a facilitator deletes a board on the server with a confirmation and restores it from
 * "Recently deleted" with its content.
 */
import { workflowShape } from '@flowmap/shared/testing'
import type { Page, TestInfo } from '@playwright/test'
import { seedBoard } from '../../sync-server/src/testing/seed-board.ts'
import { openBoard, shapesOf, waitForBoard } from '../board/flowmap-page.ts'
import { expect, test } from '../fixtures/test.ts'

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`titles-${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(`titles: ${name}`, { path, contentType: 'image/png' })
}

function card(page: Page, boardId: string) {
  return page.locator(`[data-testid="home-board"][data-board-id="${boardId}"]`)
}

test('rename reaches a second browser', async ({ openUser, server }, testInfo) => {
  const boardId = await seedBoard(server.url, {
    title: 'Untitled board',
    records: [workflowShape('step', { id: 'welcome', x: 100, y: 100, props: { label: 'Welcome pack' } })],
  })
  const a = await openUser()
  const b = await openUser()
  // Both have opened it before, so both devices list it under its old name.
  await openBoard(a.page, boardId)
  await openBoard(b.page, boardId)
  await a.page.goto('/')

  await card(a.page, boardId).getByRole('button', { name: 'Rename Untitled board' }).click()
  const input = a.page.getByRole('textbox', { name: 'New title for Untitled board' })
  await input.fill('Employee onboarding')
  await input.press('Enter')
  await expect(card(a.page, boardId)).toContainText('Employee onboarding')

  // B, with the board open, sees the new name in its header without reloading.
  await expect(b.page.getByRole('textbox', { name: 'Board title' })).toHaveValue('Employee onboarding', {
    timeout: 15_000,
  })
  await screenshot(b.page, testInfo, 'second-browser-header')
  // And B's home page lists it by the new name, although B's device still held the old one.
  await b.page.goto('/')
  await expect(card(b.page, boardId)).toContainText('Employee onboarding', { timeout: 15_000 })
  await expect(card(b.page, boardId)).not.toContainText('Untitled board')
  await screenshot(b.page, testInfo, 'second-browser-home')
})

test('delete and restore a board', async ({ page, openUser, server }, testInfo) => {
  const boardId = await seedBoard(server.url, {
    title: 'Quarterly close',
    records: [
      workflowShape('lane', { id: 'lane', x: 0, y: 0, props: { w: 900, h: 220 } }),
      workflowShape('step', {
        id: 'a',
        parentId: 'shape:lane',
        x: 200,
        y: 60,
        props: { label: 'Reconcile' },
      }),
      workflowShape('step', { id: 'b', parentId: 'shape:lane', x: 500, y: 60, props: { label: 'Report' } }),
    ],
  })
  const keep = await seedBoard(server.url, { title: 'Kept board', records: [] })
  // Someone else is on the board when it is deleted.
  const other = await openUser()
  await openBoard(other.page, boardId)

  await openBoard(page, boardId)
  const shapesBefore = (await shapesOf(page)).length
  expect(shapesBefore).toBeGreaterThanOrEqual(3)
  await page.goto('/')
  await expect(card(page, keep)).toBeVisible()

  await card(page, boardId).getByRole('button', { name: 'Delete Quarterly close from the server' }).click()
  const dialog = page.getByTestId('home-delete-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('Delete “Quarterly close” for everyone?')
  // The server's retention (30 days by default), as its /config.json says.
  await expect(dialog).toContainText('restore it with all its content for 30 days, then it is purged')
  await screenshot(page, testInfo, 'delete-confirmation')
  await page.getByTestId('home-delete-dialog-confirm').click()

  await expect(card(page, boardId)).toHaveCount(0)
  await expect(card(page, keep)).toBeVisible()
  const deleted = page.locator(`[data-testid="home-deleted-board"][data-board-id="${boardId}"]`)
  await expect(deleted).toContainText('Quarterly close')
  await expect(deleted).toContainText('restorable until')
  await screenshot(page, testInfo, 'recently-deleted')

  // The person on the board is disconnected and told why, with the day it can be restored until, and
  // offered the home page: no new link would open it, so none is asked for.
  const gone = other.page.getByTestId('link-problem')
  await expect(gone).toHaveAttribute('data-kind', 'deleted', { timeout: 20_000 })
  await expect(gone).toContainText('This board was deleted')
  await expect(gone).toContainText(
    /“Quarterly close” was deleted\. A facilitator can restore it from the home page until/,
  )
  await expect(gone).not.toContainText(/new one|new link/)
  await expect(gone.getByTestId('link-problem-home')).toBeVisible()
  await screenshot(other.page, testInfo, 'deleted-while-open')

  await deleted.getByRole('button', { name: 'Restore Quarterly close' }).click()
  await expect(deleted).toHaveCount(0)
  await expect(card(page, boardId)).toContainText('Quarterly close')
  await screenshot(page, testInfo, 'restored')

  await card(page, boardId).getByRole('link').click()
  await waitForBoard(page)
  await expect.poll(async () => (await shapesOf(page)).length, { timeout: 15_000 }).toBe(shapesBefore)
  await expect(page.getByRole('textbox', { name: 'Board title' })).toHaveValue('Quarterly close')
  await screenshot(page, testInfo, 'restored-board')
})

test('new boards are named: Create asks with a numbered suggestion, /new numbers them', async ({
  page,
}, testInfo) => {
  await page.goto('/')
  await expect(page.getByTestId('home-boards')).toBeVisible()
  await page.getByTestId('home-create').click()
  const name = page.getByTestId('home-new-name')
  await expect(name).toBeFocused()
  const suggested = await name.inputValue()
  expect(suggested).toMatch(/^Untitled board( \d+)?$/)
  await screenshot(page, testInfo, 'name-prompt')
  // Typing replaces the selected suggestion.
  await page.keyboard.type('Vendor onboarding')
  await page.keyboard.press('Enter')
  await page.waitForURL(/\/b\//)
  await waitForBoard(page)
  await expect(page.getByRole('textbox', { name: 'Board title' })).toHaveValue('Vendor onboarding')

  // `/new` still opens a board at once (scripts, the e2e specs), each with its own number.
  const titles: string[] = []
  for (let i = 0; i < 2; i++) {
    await page.goto('/new')
    await page.waitForURL(/\/b\//)
    await waitForBoard(page)
    const header = page.getByRole('textbox', { name: 'Board title' })
    await expect(header).toHaveValue(/^Untitled board/)
    titles.push(await header.inputValue())
  }
  expect(new Set(titles).size).toBe(2)
  await page.goto('/new?title=Offboarding')
  await page.waitForURL(/\/b\//)
  await waitForBoard(page)
  await expect(page.getByRole('textbox', { name: 'Board title' })).toHaveValue('Offboarding')
  await page.goto('/')
  await expect(page.getByTestId('home-board').filter({ hasText: titles[1]! })).toHaveCount(1)
  await screenshot(page, testInfo, 'numbered-boards')
})
