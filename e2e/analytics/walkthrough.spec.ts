/**
 * The facilitator's walk-through (issue 17, point 5) on a board made from the value-stream template:
 * a token steps from the start, the quality decision offers its branches with their probabilities,
 * the rework branch takes the token back to production, the path taken is highlighted on the canvas
 * and the elapsed time adds up each step's wait and process time. Nothing is written to the board.
 */
import type { Page } from '@playwright/test'
import { documentRecords } from '../board/flowmap-page.ts'
import { expect, test } from '../fixtures/test.ts'
import { attachScreenshot, openTemplateBoard } from './template-board.ts'

/** Presses Next until the token stands at a decision (its branches show) or the walk cannot move. */
async function nextUntilBranches(page: Page): Promise<void> {
  for (let k = 0; k < 12; k++) {
    if ((await page.getByTestId('walkthrough-branch').count()) > 0) return
    await page.getByTestId('walkthrough-next').click()
  }
}

test('walk a token through the value stream: choose rework at the decision, then yes, and see the path and the time', async ({
  page,
}, testInfo) => {
  await openTemplateBoard(page, 'value-stream')
  const before = await documentRecords(page)

  await page.getByTestId('walkthrough-toggle').click()
  const controls = page.getByTestId('walkthrough-controls')
  await expect(controls).toBeVisible()
  await expect(page.getByTestId('walkthrough-elapsed')).toHaveText('Elapsed 0 h')
  await expect(page.getByTestId('walkthrough-token')).toHaveCount(1)

  await nextUntilBranches(page)
  // Enter (8 h wait + 0.5 h), Schedule (16 + 1), Build (24 + 6), Inspect (8 + 1): 64.5 h, 8 days of 8 h.
  await expect(page.getByTestId('walkthrough-elapsed')).toHaveText('Elapsed 8 d 0.5 h')
  await expect(page.getByTestId('walkthrough-branch')).toHaveText(['yes (90%)', 'no, rework (10%)'])
  await expect(page.getByTestId('walkthrough-visited-node')).toHaveCount(6)
  await attachScreenshot(page, testInfo, 'walkthrough-at-the-decision')

  await page.getByRole('button', { name: 'no, rework (10%)' }).click()
  await expect(page.getByTestId('walkthrough-token-row')).toContainText('At Build')
  await expect(page.getByTestId('walkthrough-taken-edge')).toHaveCount(6)

  await nextUntilBranches(page)
  // Build and Inspect again: 30 + 9 more.
  await expect(page.getByTestId('walkthrough-elapsed')).toHaveText('Elapsed 12 d 7.5 h')
  await page.getByRole('button', { name: 'yes (90%)' }).click()
  await page.getByTestId('walkthrough-next').click()
  // Deliver: 16 + 4 more, 123.5 h in all.
  await expect(page.getByTestId('walkthrough-finished')).toHaveText('Finished: the case took 15 d 3.5 h.')
  await expect(page.getByTestId('walkthrough-visited-node')).toHaveCount(8)
  await expect(page.getByTestId('walkthrough-taken-edge')).toHaveCount(8)
  await attachScreenshot(page, testInfo, 'walkthrough-finished')

  // Back undoes one move; Exit leaves the board as it was.
  await page.getByTestId('walkthrough-back').click()
  await expect(page.getByTestId('walkthrough-finished')).toHaveCount(0)
  await page.getByTestId('walkthrough-exit').click()
  await expect(controls).toHaveCount(0)
  await expect(page.getByTestId('walkthrough-overlay')).toHaveCount(0)
  expect(await documentRecords(page)).toEqual(before)
})
