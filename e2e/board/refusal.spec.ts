import { expect, test } from '../fixtures/test.ts'
import {
  canvasPoint,
  clickAt,
  documentRecords,
  forceRawUpdate,
  shapesOf,
  shapesOfType,
} from './flowmap-page.ts'
import { MALFORMED_STEP_ID, malformedStepUpdate } from './malformed-update.ts'
import { openTwoUsersOnOneBoard } from './two-users.ts'

test('a malformed update from the page is refused: the page says why, B never sees it, and A keeps syncing', async ({
  openUser,
}) => {
  const { a, b } = await openTwoUsersOnOneBoard(openUser)

  await forceRawUpdate(a.page, malformedStepUpdate())

  const banner = a.page.getByTestId('refusal-banner')
  await expect(banner, 'A is told the server refused the change').toBeVisible({ timeout: 10_000 })
  await expect(banner, 'and why: the step status that is not a status').toContainText(/status/i)
  expect((await shapesOf(a.page)).map((shape) => shape.id)).not.toContain(MALFORMED_STEP_ID)

  // A's next edit, through the toolbar, still reaches B after the refusal reset.
  await a.page.getByTestId('tools.step').click()
  await clickAt(a.page, await canvasPoint(a.page, 0.4, 0.4))
  await expect.poll(async () => (await shapesOfType(a.page, 'step')).length).toBe(1)
  await expect(a.page.getByTestId('connection-status')).toHaveAttribute('data-state', 'online', {
    timeout: 20_000,
  })
  await expect.poll(() => documentRecords(b.page), { timeout: 15_000 }).toEqual(await documentRecords(a.page))
  expect(
    (await shapesOf(b.page)).map((shape) => shape.id),
    'B never saw the refused record',
  ).not.toContain(MALFORMED_STEP_ID)
})
