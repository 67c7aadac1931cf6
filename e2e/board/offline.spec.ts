import { expect, test, WITH_SERVICE_WORKER } from '../fixtures/test.ts'
import {
  canvasPoint,
  clickAt,
  documentRecords,
  doubleClickAt,
  drag,
  dropSocket,
  screenCenterOf,
  shapesOf,
  shapesOfType,
  waitForBoard,
  waitForServiceWorkerControl,
} from './flowmap-page.ts'
import { openTwoUsersOnOneBoard } from './two-users.ts'

test.use(WITH_SERVICE_WORKER)

test('five edits made offline survive a reload with no network and reach the other person once back online', async ({
  openUser,
}) => {
  const { a, b } = await openTwoUsersOnOneBoard(openUser)
  await waitForServiceWorkerControl(a.page)

  // Offline as a user would be: no network, and the open socket gone too (setOffline leaves it up).
  await a.context.setOffline(true)
  await dropSocket(a.page)
  const chip = a.page.getByTestId('connection-status')
  await expect(chip, 'the chip shows A is offline').toHaveAttribute('data-state', 'offline', {
    timeout: 10_000,
  })

  // Five edits through the UI: three steps (toolbar, keyboard, keyboard), a rename, a move.
  await a.page.getByTestId('tools.step').click()
  await clickAt(a.page, await canvasPoint(a.page, 0.2, 0.35))
  await a.page.keyboard.press('s')
  await clickAt(a.page, await canvasPoint(a.page, 0.5, 0.35))
  await a.page.keyboard.press('s')
  await clickAt(a.page, await canvasPoint(a.page, 0.8, 0.35))
  await expect.poll(async () => (await shapesOfType(a.page, 'step')).length).toBe(3)
  const [first, , third] = (await shapesOfType(a.page, 'step')).sort((p, q) => p.x - q.x)
  await doubleClickAt(a.page, await screenCenterOf(a.page, first!.id))
  const label = a.page.getByRole('textbox', { name: 'Step label' })
  await label.fill('Written offline')
  await label.press('Enter')
  const thirdAt = await screenCenterOf(a.page, third!.id)
  await drag(a.page, thirdAt, { x: thirdAt.x, y: thirdAt.y + 150 })
  await expect(chip, 'A counts changes the server has not acknowledged').not.toHaveAttribute(
    'data-unsynced',
    '0',
  )

  const offlineBoard = await shapesOf(a.page)
  expect(offlineBoard.find((shape) => shape.id === first!.id)?.props.label).toBe('Written offline')
  expect(offlineBoard.find((shape) => shape.id === third!.id)!.y).toBeGreaterThan(third!.y + 100)
  expect(await shapesOfType(b.page, 'step'), 'B has seen nothing yet').toHaveLength(0)

  // Reload with no network: the service worker serves the app, Dexie the board and the five edits.
  await a.page.reload()
  await waitForBoard(a.page, { online: false })
  await expect.poll(() => shapesOf(a.page), { timeout: 10_000 }).toEqual(offlineBoard)

  // Back online: A's edits reach B, and both boards are the same board.
  await a.context.setOffline(false)
  await expect(chip, 'A is back online').toHaveAttribute('data-state', 'online', { timeout: 20_000 })
  await expect.poll(() => shapesOf(b.page), { timeout: 15_000 }).toEqual(offlineBoard)
  await expect.poll(() => documentRecords(b.page), { timeout: 10_000 }).toEqual(await documentRecords(a.page))
})
