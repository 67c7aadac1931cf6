import {
  canvasPoint,
  clickAt,
  dropSocket,
  openNewBoard,
  shapesOfType,
  waitForServiceWorkerControl,
} from './board/flowmap-page.ts'
import { expect, test, WITH_SERVICE_WORKER } from './fixtures/test.ts'

test.use(WITH_SERVICE_WORKER)

test("replay opens with no network from the device's copy of the history, and says it is offline", async ({
  page,
  context,
}) => {
  await openNewBoard(page)
  await page.getByTestId('tools.step').click()
  await clickAt(page, await canvasPoint(page, 0.3, 0.4))
  await page.keyboard.press('s')
  await clickAt(page, await canvasPoint(page, 0.6, 0.4))
  await expect.poll(async () => (await shapesOfType(page, 'step')).length).toBe(2)
  const chip = page.getByTestId('connection-status')
  await expect(chip).toHaveText(/all changes saved/, { timeout: 10_000 })

  // Online, replay loads the history from the server (and keeps a copy on the device).
  await page.getByTestId('replay.open').click()
  const position = page.getByTestId('replay.position')
  await expect(position).toContainText(/Edit (\d+) of \1/)
  const online = await position.textContent()
  await expect(page.getByTestId('replay.offline')).toHaveCount(0)
  await page.getByTestId('replay.close').click()

  await waitForServiceWorkerControl(page)
  await context.setOffline(true)
  await dropSocket(page)
  await expect(chip).toHaveAttribute('data-state', 'offline', { timeout: 10_000 })

  await page.getByTestId('replay.open').click()
  await expect(page.getByTestId('replay.offline')).toContainText('Offline: showing the')
  await expect(position).toHaveText(online!)
  // Scrubbing the device's copy works as online: back to before the first step.
  await page.getByTestId('replay.previous').click()
  await expect(position).not.toHaveText(online!)
})
