import type { Page } from '@playwright/test'
import { dropSocket } from '../board/flowmap-page.ts'
import { openTwoUsersOnOneBoard } from '../board/two-users.ts'
import { expect, test } from '../fixtures/test.ts'
import { commentOnShape, drawStep, pin } from './comments-page.ts'

const threadMeta = (page: Page, id: string) =>
  page.evaluate((threadId) => {
    type Store = { get(id: string): { meta: Record<string, unknown> } | undefined }
    const editor = (window as unknown as { __flowmap: { editor: { store: Store } } }).__flowmap.editor
    return editor.store.get(threadId)?.meta ?? null
  }, id)

test('a thread written offline in one browser reaches the other once back online', async ({ openUser }) => {
  const { a, b } = await openTwoUsersOnOneBoard(openUser)
  const step = await drawStep(a.page)
  await expect
    .poll(async () => (await b.page.locator('.tl-shape').count()) > 0, { timeout: 15_000 })
    .toBe(true)

  await a.context.setOffline(true)
  await dropSocket(a.page)
  const chip = a.page.getByTestId('connection-status')
  await expect(chip).toHaveAttribute('data-state', 'offline', { timeout: 10_000 })
  const threadId = await commentOnShape(a.page, step, 'Written on the train')
  await expect(pin(a.page, threadId)).toBeVisible()
  await expect(pin(b.page, threadId), 'B has not seen it yet').toHaveCount(0)

  await a.context.setOffline(false)
  await expect(chip).toHaveAttribute('data-state', 'online', { timeout: 20_000 })
  await expect(pin(b.page, threadId)).toBeVisible({ timeout: 20_000 })
  await pin(b.page, threadId).click()
  await expect(b.page.getByTestId('comment-popover').getByTestId('comment-text')).toHaveText([
    'Written on the train',
  ])
})

test('a mention of B shows B an unread mention, and "Mentions me" lists the thread', async ({
  openUser,
}, testInfo) => {
  const { a, b } = await openTwoUsersOnOneBoard(openUser)
  const bName = await b.page.evaluate(
    () => JSON.parse(localStorage.getItem('flowmap.identity') ?? '{}').name as string,
  )
  const step = await drawStep(a.page)
  await a.page.getByTestId('comment-mode').click()
  const { screenPointIn, clickAt } = await import('../board/flowmap-page.ts')
  await clickAt(a.page, await screenPointIn(a.page, step, 0.3, 0.5))
  const input = a.page.getByTestId('comment-popover').getByTestId('comment-input')
  await expect(input).toBeFocused()
  // The people list of the board offers B: a word of the name is enough.
  await input.pressSequentially(`Can you check, @${bName.split(' ').pop()}`)
  await expect(a.page.getByTestId('mention-option').first()).toContainText(bName, { timeout: 15_000 })
  await a.page.screenshot({ path: testInfo.outputPath('mention-autocomplete.png') })
  await input.press('Enter')
  await expect(input).toHaveValue(`Can you check, @${bName} `)
  await input.press('Enter')
  await expect(a.page.getByTestId('comment-popover')).toHaveAttribute('data-thread-id', /comment-thread:/)
  const threadId = (await a.page.getByTestId('comment-popover').getAttribute('data-thread-id'))!

  await expect(b.page.getByTestId('comments-tab-unread')).toHaveText(/^1 unread/, { timeout: 20_000 })
  await expect(b.page.getByTestId('comment-unread')).toHaveText('1')
  await b.page.getByTestId('sidebar-tab-comments').click()
  await b.page.getByTestId('comments-mentions-me').check()
  const row = b.page.getByTestId('comments-row')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText(`@${bName}`)
  await row.click()
  await expect(b.page.getByTestId('comment-popover')).toHaveAttribute('data-thread-id', threadId)
  await expect(b.page.getByTestId('comments-tab-unread')).toHaveCount(0)
  await b.page.screenshot({ path: testInfo.outputPath('mentions-me.png') })
})

test('"Comment on this" on a lint finding opens a thread on its shape, tagged with the rule', async ({
  openUser,
}) => {
  const { a } = await openTwoUsersOnOneBoard(openUser)
  const step = await drawStep(a.page)
  await a.page.getByTestId('sidebar-tab-checks').click()
  const finding = a.page
    .getByTestId('lint-panel')
    .locator('li')
    .filter({ has: a.page.getByTestId('lint-comment') })
    .first()
  const rule = await finding.getByTestId('lint-issue').getAttribute('data-rule')
  await finding.getByTestId('lint-comment').click()
  const input = a.page.getByTestId('comment-popover').getByTestId('comment-input')
  await expect(input).toBeFocused()
  await input.fill('Who owns this step?')
  await input.press('Enter')
  const popover = a.page.getByTestId('comment-popover')
  await expect(popover).toHaveAttribute('data-thread-id', /comment-thread:/)
  const threadId = (await popover.getAttribute('data-thread-id'))!
  expect(await threadMeta(a.page, threadId)).toEqual({ lintRule: rule })
  const anchor = await a.page.evaluate((id) => {
    type Store = { get(id: string): { anchor: { type: string; shapeId?: string } } | undefined }
    return (window as unknown as { __flowmap: { editor: { store: Store } } }).__flowmap.editor.store.get(id)
      ?.anchor
  }, threadId)
  expect(anchor).toMatchObject({ type: 'shape', shapeId: step })
})
