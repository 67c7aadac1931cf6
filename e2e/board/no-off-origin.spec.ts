import { expect, test } from '../fixtures/test.ts'
import { canvasPoint, clickAt, openNewBoard, shapesOfType } from './flowmap-page.ts'

// Every spec fails on an off-origin request (fixtures/test.ts); this one makes the app load what it
// loads lazily (toolbar icons, fonts for text, menu translations) and says so explicitly.
test('the app requests nothing from any host but its own and breaks none of its Content-Security-Policy while a board is used', async ({
  openUser,
}) => {
  const user = await openUser()
  // The server sends a Content-Security-Policy with the app: nothing the app does may break it.
  const violations: string[] = []
  await user.page.exposeFunction('reportCspViolation', (line: string) => violations.push(line))
  await user.page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation(line: string): void }).reportCspViolation
      report(`${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  await openNewBoard(user.page)

  await user.page.getByTestId('tools.step').click()
  await clickAt(user.page, await canvasPoint(user.page, 0.3, 0.4))
  await expect.poll(async () => (await shapesOfType(user.page, 'step')).length).toBe(1)
  await user.page.keyboard.press('t')
  await clickAt(user.page, await canvasPoint(user.page, 0.6, 0.6))
  await user.page.keyboard.type('Fonts come from our own origin')
  await user.page.keyboard.press('Escape')
  await user.page.getByRole('button', { name: 'Menu' }).click()
  await user.page.keyboard.press('Escape')
  await user.page.waitForLoadState('networkidle')

  expect(user.offOriginRequests()).toEqual([])
  expect(violations).toEqual([])
})
