/**
 * Issue 12, point 2: every person is someone. In local mode (no auth secret) each browser's own name,
 * set in the People panel, is who history credits its edits to: replay's per-person filter lists each
 * person, "since your last visit" names the other person instead of "You", and opening a board writes
 * nothing to its history.
 */
import type { Page, TestInfo } from '@playwright/test'
import {
  allSaved,
  canvasPoint,
  clickAt,
  historyUserIdOf,
  openBoard,
  openNewBoard,
  shapesOfType,
  waitForBoard,
} from '../board/flowmap-page.ts'
import { expect, test } from '../fixtures/test.ts'

type Entry = { seq: number; userId: string | null; userName: string | null }

async function historyOf(serverUrl: string, boardId: string): Promise<Entry[]> {
  const response = await fetch(`${serverUrl}/api/boards/${boardId}/history?after=0&limit=1000`)
  if (!response.ok) throw new Error(`GET history answered ${response.status}`)
  return ((await response.json()) as { entries: Entry[] }).entries
}

/** Types a name into the People panel's "Your name" field, as a person would. */
async function setMyName(page: Page, name: string): Promise<void> {
  await page.getByTestId('people-button').click()
  await page.getByTestId('presence-name').fill(name)
  await page.getByTestId('presence-name').press('Enter')
  await page.keyboard.press('Escape')
}

async function addStep(page: Page, fx: number, fy: number): Promise<void> {
  const before = (await shapesOfType(page, 'step')).length
  await page.getByTestId('tools.step').click()
  await clickAt(page, await canvasPoint(page, fx, fy))
  await expect.poll(async () => (await shapesOfType(page, 'step')).length).toBe(before + 1)
  await page.keyboard.press('Escape')
  await allSaved(page)
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`identity-${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(`identity: ${name}`, { path, contentType: 'image/png' })
}

test('two local-mode browsers appear as two people in replay and since-last-visit', async ({
  openUser,
  server,
}, testInfo) => {
  // Two browsers, five page loads and a replay: on a loaded machine this passes the default minute.
  test.setTimeout(180_000)
  const a = await openUser()
  const b = await openUser()
  const boardId = await openNewBoard(a.page)
  await setMyName(a.page, 'Ada')
  await addStep(a.page, 0.3, 0.35)
  await openBoard(b.page, boardId)
  await setMyName(b.page, 'Ben')
  await addStep(b.page, 0.65, 0.35)
  const ada = await historyUserIdOf(a.page)
  const ben = await historyUserIdOf(b.page)
  expect(ada).not.toBe(ben)

  // Ben has seen everything so far (his own step included); he leaves, and Ada adds a step meanwhile.
  const lastSeq = async () => (await historyOf(server.url, boardId)).at(-1)?.seq ?? 0
  const seenByBen = () =>
    b.page.evaluate((key) => window.localStorage.getItem(key), `flowmap:last-seen:${ben}:${boardId}`)
  await expect.poll(seenByBen, { timeout: 30_000 }).toBe(String(await lastSeq()))
  await b.page.goto('/')
  await expect(b.page.getByRole('heading', { name: 'Your boards' })).toBeVisible()
  await addStep(a.page, 0.45, 0.7)

  // History credits each browser's edits to its own person, never to one shared "Local user".
  const entries = await historyOf(server.url, boardId)
  expect(new Set(entries.map((entry) => entry.userId))).toEqual(new Set([ada, ben]))
  expect(entries.filter((entry) => entry.userId === ben).map((entry) => entry.userName)).toContain('Ben')
  expect(entries.at(-1)).toMatchObject({ userId: ada, userName: 'Ada' })

  // Ben comes back: the banner names Ada for her step, not "You".
  await b.page.goto(`/b/${boardId}`)
  await waitForBoard(b.page)
  const banner = b.page.getByTestId('since-visit')
  await expect(banner).toBeVisible({ timeout: 30_000 })
  await expect(banner.getByTestId('since-visit.person')).toHaveText(['Ada: 1 added'])
  await screenshot(b.page, testInfo, 'since-last-visit')
  await banner.getByTestId('since-visit.dismiss').click()

  // Replay lists both people; following Ada, the readout counts only her edits.
  await b.page.getByTestId('replay.open').click()
  const adaButton = b.page.getByRole('button', { name: /^Ada · \d+$/ })
  await expect(adaButton).toBeVisible({ timeout: 30_000 })
  await expect(b.page.getByRole('button', { name: /^Ben · \d+$/ })).toBeVisible()
  await expect(b.page.getByRole('button', { name: /Local user/ })).toHaveCount(0)
  const adaEdits = entries.filter((entry) => entry.userId === ada).length
  await adaButton.click()
  await b.page.getByTestId('replay.previous').click()
  await expect(b.page.getByTestId('replay.position')).toContainText(
    new RegExp(`^Ada's edit ${adaEdits - 1} of ${adaEdits} · `),
  )
  await expect(b.page.getByTestId('replay.position')).not.toContainText('Ben')
  await screenshot(b.page, testInfo, 'replay-people')
})

test('opening a board writes no history', async ({ openUser, server }) => {
  test.setTimeout(180_000)
  const a = await openUser()
  const boardId = await openNewBoard(a.page)
  await setMyName(a.page, 'Ada')
  await addStep(a.page, 0.4, 0.4)
  const before = await historyOf(server.url, boardId)

  // Opened three times: by two new browsers (nothing of the board on their device) and by a reload.
  for (let i = 0; i < 2; i++) {
    const visitor = await openUser()
    await openBoard(visitor.page, boardId)
    await expect.poll(async () => (await shapesOfType(visitor.page, 'step')).length).toBe(1)
    await allSaved(visitor.page)
    await visitor.context.close()
  }
  await a.page.reload()
  await waitForBoard(a.page)
  await allSaved(a.page)

  expect(await historyOf(server.url, boardId)).toEqual(before)
})
