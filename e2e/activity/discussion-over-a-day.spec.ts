/**
 * Issue 15's e2e: two people discuss a step over a day. Ana draws "Approve budget" and asks a question
 * on it, then leaves; the next day Dana replies twice; Ana comes back and "Since your last visit" says
 * "Dana: 2 replies on Approve budget", and the Activity tab has Today (Dana) and Yesterday (Ana).
 *
 * The history's times are the server's (it stamps each entry when it accepts it), so the day is moved
 * where the stamp is made: the server runs with a movable clock (fixtures/movable-server-clock.ts),
 * a day behind while Ana works, then on time for Dana. Ana's page, when she is back, has its clock
 * installed at noon of the day of Dana's replies, so "Today" and "Yesterday" are reckoned from a
 * moment the test knows, never from when the test happens to run; the expected headings are computed
 * from the entries' own times.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, expect, type Page, test } from '@playwright/test'
import { dayHeading } from '../../shared/src/history/activity.ts'
import { allSaved, historyUserIdOf, openBoard, openNewBoard } from '../board/flowmap-page.ts'
import { commentOnShape } from '../comments/comments-page.ts'
import { type FlowmapServerProcess, startFlowmapServer } from '../fixtures/flowmap-server.ts'
import { REPO_ROOT } from '../fixtures/repo-paths.ts'
import {
  activityRows,
  drawStep,
  labelShape,
  openActivityTab,
  replyInThread,
  setMyName,
} from './activity-page.ts'

const DAY = 24 * 60 * 60 * 1000
const UTC = () => 0

let server: FlowmapServerProcess
let clockDir: string
const clockFile = () => join(clockDir, 'offset')

test.beforeAll(async () => {
  clockDir = mkdtempSync(join(tmpdir(), 'flowmap-e2e-clock-'))
  server = await startFlowmapServer({
    NODE_OPTIONS: `--import ${join(REPO_ROOT, 'e2e/fixtures/movable-server-clock.ts')}`,
    FLOWMAP_E2E_CLOCK_OFFSET_MS: String(-DAY),
    FLOWMAP_E2E_CLOCK_FILE: clockFile(),
  })
})
test.afterAll(async () => {
  await server?.stop()
  rmSync(clockDir, { recursive: true, force: true })
})

/** Sets the server's clock to real time plus `offset` ms, and waits until it says it is in force. */
async function setServerClock(offset: number): Promise<void> {
  writeFileSync(clockFile(), String(offset))
  await expect.poll(() => readFileSync(`${clockFile()}.ack`, 'utf8')).toBe(String(offset))
}

async function openPerson(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: server.url,
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 800 },
  })
  return context.newPage()
}

type Entry = { seq: number; time: string; userId: string | null }
async function historyOf(boardId: string): Promise<Entry[]> {
  const response = await fetch(`${server.url}/api/boards/${boardId}/history?after=0&limit=1000`)
  if (!response.ok) throw new Error(`GET history answered ${response.status}`)
  return ((await response.json()) as { entries: Entry[] }).entries
}

test("two people discuss a step over a day: Ana sees Dana's 2 replies since her last visit, under Today and Yesterday", async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000)
  const ana = await openPerson(browser)
  const dana = await openPerson(browser)

  // Yesterday (by the server's clock): Ana's step and her question on it.
  const boardId = await openNewBoard(ana)
  await setMyName(ana, 'Ana')
  const step = await drawStep(ana, 0.35, 0.4)
  await labelShape(ana, step, 'Approve budget')
  const threadId = await commentOnShape(ana, step, 'Who approves this?')
  await ana.keyboard.press('Escape')
  await allSaved(ana)
  const anaId = await historyUserIdOf(ana)
  // Her page has marked everything as seen (her own edits are no news to her) before she leaves.
  const lastSeq = async () => (await historyOf(boardId)).at(-1)?.seq ?? 0
  const seenByAna = () =>
    ana.evaluate((key) => window.localStorage.getItem(key), `flowmap:last-seen:${anaId}:${boardId}`)
  await expect.poll(seenByAna, { timeout: 30_000 }).toBe(String(await lastSeq()))
  await ana.goto('/')
  await expect(ana.getByRole('heading', { name: 'Your boards' })).toBeVisible()

  // Today: Dana replies twice.
  await setServerClock(0)
  await openBoard(dana, boardId)
  await setMyName(dana, 'Dana')
  await replyInThread(dana, threadId, 'The finance lead')
  await replyInThread(dana, threadId, 'Or the CFO over 10k')
  await allSaved(dana)

  const entries = await historyOf(boardId)
  const anaEntries = entries.filter((entry) => entry.userId === anaId)
  const danaEntries = entries.filter((entry) => entry.userId !== anaId && entry.userId !== null)
  const anaLast = Date.parse(anaEntries.at(-1)!.time)
  const danaLast = Date.parse(danaEntries.at(-1)!.time)
  // The stamps really are a day apart.
  expect(danaLast - anaLast).toBeGreaterThan(DAY - 60_000)

  // Ana is back, at noon of the day of Dana's replies (her page's clock).
  const noon = new Date(danaLast)
  noon.setUTCHours(12, 0, 0, 0)
  await ana.clock.install({ time: noon })
  await openBoard(ana, boardId)
  const banner = ana.getByTestId('since-visit')
  await expect(banner).toBeVisible({ timeout: 30_000 })
  await expect(banner.getByTestId('since-visit.comments')).toHaveText(['Dana: 2 replies on Approve budget'])
  await expect(banner.getByTestId('since-visit.person')).toHaveCount(0)
  await expect(banner.locator('em')).toHaveText('Approve budget')
  await ana.screenshot({ path: testInfo.outputPath('since-last-visit.png') })

  await openActivityTab(ana)
  const expected = [dayHeading(danaLast, noon.getTime(), UTC), dayHeading(anaLast, noon.getTime(), UTC)]
  expect(expected[0]).toBe('Today')
  // Yesterday, unless a midnight fell in the seconds between Ana's question and Dana's replies.
  if (Math.floor(danaLast / DAY) - Math.floor(anaLast / DAY) === 1) expect(expected[1]).toBe('Yesterday')
  await expect(ana.getByTestId('activity.day')).toHaveText(expected, { timeout: 30_000 })
  expect(await activityRows(ana)).toEqual([
    'Dana: 2 replies on Approve budget',
    'Ana: added 1 step, started a thread on Approve budget',
  ])
  await ana.screenshot({ path: testInfo.outputPath('activity-over-a-day.png') })
  await ana.context().close()
  await dana.context().close()
})
