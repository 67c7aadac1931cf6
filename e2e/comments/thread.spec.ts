import { drag, openBoard, screenPointIn } from '../board/flowmap-page.ts'
import { openTwoUsersOnOneBoard } from '../board/two-users.ts'
import { expect, test } from '../fixtures/test.ts'
import { commentOnShape, drawStep, pin, pinBox } from './comments-page.ts'

test('two people discuss a step: a thread on it, a reply from the other, resolve and reopen; the pin follows the step', async ({
  openUser,
}, testInfo) => {
  const { a, b } = await openTwoUsersOnOneBoard(openUser)
  const step = await drawStep(a.page)
  const threadId = await commentOnShape(a.page, step, 'Who approves this?')

  // B sees the pin, opens it, reads A's message and replies.
  await expect(pin(b.page, threadId)).toBeVisible({ timeout: 15_000 })
  await pin(b.page, threadId).click()
  const popover = b.page.getByTestId('comment-popover')
  await expect(popover.getByTestId('comment-text')).toHaveText(['Who approves this?'])
  await popover.getByTestId('comment-input').fill('The finance lead, over 10k')
  await popover.getByTestId('comment-input').press('Enter')
  await expect(popover.getByTestId('comment-text')).toHaveCount(2)

  // A sees the reply count on the pin, and the reply in the thread.
  await expect(pin(a.page, threadId).getByTestId('comment-pin-count')).toHaveText('2', { timeout: 15_000 })
  await a.page.screenshot({ path: testInfo.outputPath('pin-with-count.png') })
  // A's thread is still open from writing it: the reply shows there.
  await expect(a.page.getByTestId('comment-popover').getByTestId('comment-text')).toHaveText([
    'Who approves this?',
    'The finance lead, over 10k',
  ])
  await a.page.screenshot({ path: testInfo.outputPath('thread-popover.png') })

  // B resolves it: the pin goes for both (A closed the thread first); reopening brings it back.
  await a.page.getByTestId('comment-popover').getByRole('button', { name: 'Close' }).click()
  await popover.getByTestId('comment-resolve').click()
  await expect(pin(a.page, threadId)).toBeHidden({ timeout: 15_000 })
  await b.page.getByTestId('sidebar-tab-comments').click()
  await b.page.getByTestId('comments-resolved').click()
  await b.page.getByTestId('comments-row').filter({ hasText: 'Who approves this?' }).click()
  await b.page.getByTestId('comment-popover').getByTestId('comment-reopen').click()
  await expect(pin(a.page, threadId)).toBeVisible({ timeout: 15_000 })

  // A moves the step: the pin moves with it.
  await a.page.keyboard.press('Escape')
  const before = await pinBox(a.page, threadId)
  const grab = await screenPointIn(a.page, step, 0.7, 0.7)
  await drag(a.page, grab, { x: grab.x + 160, y: grab.y + 90 })
  await expect
    .poll(async () => (await pinBox(a.page, threadId)).x, { timeout: 10_000 })
    .toBeGreaterThan(before.x + 120)
  expect((await pinBox(a.page, threadId)).y).toBeGreaterThan(before.y + 60)
  await b.page.getByTestId('sidebar-tab-comments').click()
  await b.page.getByTestId('comments-open').click()
  await b.page.screenshot({ path: testInfo.outputPath('comments-panel.png') })
})

test('a deep link opens the panel and the thread; a link to a missing thread says so', async ({
  openUser,
}) => {
  const { a, b, boardId } = await openTwoUsersOnOneBoard(openUser)
  const step = await drawStep(a.page)
  const threadId = await commentOnShape(a.page, step, 'Check the SLA here')
  await expect(pin(b.page, threadId)).toBeVisible({ timeout: 15_000 })

  await b.page.goto(`/b/${boardId}?comment=${encodeURIComponent(threadId)}`)
  const popover = b.page.getByTestId('comment-popover')
  await expect(popover).toHaveAttribute('data-thread-id', threadId, { timeout: 20_000 })
  await expect(popover.getByTestId('comment-text')).toHaveText(['Check the SLA here'])
  await expect(b.page.getByTestId('comments-panel')).toBeVisible()

  await b.page.goto(`/b/${boardId}?comment=comment-thread:nope`)
  await expect(b.page.getByTestId('comment-missing')).toBeVisible({ timeout: 20_000 })
  void openBoard
})
