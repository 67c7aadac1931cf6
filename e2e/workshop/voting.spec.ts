import { type BoardRole, writeRecords } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import type { Browser, Page, TestInfo } from '@playwright/test'
import { connectBoard } from '../../sync-server/src/testing/board-client.ts'
import { collabUrlOf } from '../../sync-server/src/testing/collab-url.ts'
import { clickAt, openWorkshopMenu, screenPointIn, waitForBoard } from '../board/flowmap-page.ts'
import { useServerWithLinks } from '../fixtures/server-with-links.ts'
import { expect, test } from '../fixtures/test.ts'

/**
 * Dot voting with a facilitator and two participants on a server that requires links (roles come from
 * the tokens): each sees only their own dots until the reveal, then everyone sees the same counts.
 */
const links = useServerWithLinks('e2e-voting-secret-with-enough-entropy-0123456789')
const token = (sub: string, name: string, role: BoardRole, board = '*') =>
  links.token({ sub, name, role, board })

type BoardRecords = Parameters<typeof writeRecords>[1]

const STEPS = [
  { id: 'approve', label: 'Approve invoice', x: 80 },
  { id: 'wait', label: 'Wait for sign-off', x: 380 },
  { id: 'ship', label: 'Ship the order', x: 680 },
]

/** A board with these records, made by the facilitator over the API and a provider of their own. */
async function boardWith(facilitator: string, records: BoardRecords): Promise<string> {
  const created = await fetch(`${links.server.url}/api/boards`, {
    method: 'POST',
    headers: { authorization: `Bearer ${facilitator}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Order to cash' }),
  })
  const { id } = (await created.json()) as { id: string }
  const writer = connectBoard(collabUrlOf(links.server.url), id, { token: facilitator })
  await writer.synced
  writeRecords(writer.doc, records)
  await writer.acknowledged()
  writer.destroy()
  return id
}

/** Three steps side by side. */
const threeSteps = (): BoardRecords =>
  STEPS.map((step, i) =>
    workflowShape('step', {
      id: step.id,
      x: step.x,
      y: 220,
      index: `a${i + 1}`,
      props: { w: 220, h: 110, label: step.label },
    }),
  )

async function openAs(browser: Browser, boardId: string, bearer: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: links.server.url,
    viewport: { width: 1280, height: 720 },
  })
  const page = await context.newPage()
  await page.goto(`/b/${boardId}?token=${encodeURIComponent(bearer)}`)
  await waitForBoard(page)
  return page
}

const target = (page: Page, id: string) =>
  page.locator(`[data-testid="vote-target"][data-shape-id="shape:${id}"]`)
const dots = (page: Page, id: string) => page.locator(`[data-testid="vote-dot"][data-shape-id="shape:${id}"]`)
const count = (page: Page, id: string) =>
  page.locator(`[data-testid="vote-count"][data-shape-id="shape:${id}"]`)

async function vote(page: Page, id: string, expectedLeft: number) {
  await target(page, id).click()
  await expect(page.getByTestId('votes-left')).toHaveAttribute('data-left', String(expectedLeft))
}

async function rankedRows(page: Page): Promise<string[]> {
  return page
    .getByTestId('vote-result-row')
    .evaluateAll((rows) => rows.map((row) => `${row.textContent?.trim()}`))
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`voting-${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(`voting: ${name}`, { path, contentType: 'image/png' })
}

test('a dot vote: each participant sees only their own dots, the reveal shows the same counts to everyone and late joiners', async ({
  browser,
}, testInfo) => {
  // Four pages on one loaded machine, each opening a board and voting through the UI.
  test.setTimeout(180_000)
  const facilitatorToken = await token('fay', 'Fay', 'facilitator')
  const boardId = await boardWith(facilitatorToken, threeSteps())
  const fay = await openAs(browser, boardId, facilitatorToken)
  const pam = await openAs(browser, boardId, await token('pam', 'Pam', 'editor', boardId))
  const pat = await openAs(browser, boardId, await token('pat', 'Pat', 'editor', boardId))

  // Participants get no Vote button; the facilitator opens the vote.
  await expect(pam.getByTestId('vote-button')).toHaveCount(0)
  await openWorkshopMenu(fay)
  await fay.getByTestId('vote-button').click()
  await fay.getByTestId('vote-title').fill('Where do we lose most time?')
  await fay.getByTestId('vote-per-person').fill('3')
  await fay.getByTestId('vote-start').click()
  for (const page of [fay, pam, pat]) {
    await expect(page.getByTestId('vote-card')).toContainText('Where do we lose most time?')
    await expect(target(page, 'approve')).toBeVisible()
  }

  // Pam: two votes on Approve, one on Ship, then takes the one on Ship back with its ×.
  await vote(pam, 'approve', 2)
  await vote(pam, 'approve', 1)
  await vote(pam, 'ship', 0)
  await expect(pam.getByTestId('votes-left')).toContainText('0 of 3 votes left')
  // Over budget: the server says why, and nothing changes.
  await target(pam, 'wait').click()
  await expect(pam.getByTestId('vote-problem')).toContainText('you have used all 3 of your votes')
  await expect(dots(pam, 'wait')).toHaveCount(0)
  await dots(pam, 'ship').first().click()
  await expect(pam.getByTestId('votes-left')).toHaveAttribute('data-left', '1')
  await expect(dots(pam, 'ship')).toHaveCount(0)
  // Pat: one on Approve, one on Wait.
  await vote(pat, 'approve', 2)
  await vote(pat, 'wait', 1)

  // Putting the ballot aside gives the shapes back for editing; the votes stay.
  await pam.getByTestId('vote-ballot-toggle').click()
  await expect(pam.getByTestId('vote-target')).toHaveCount(0)
  await pam.getByTestId('vote-ballot-toggle').click()
  // Each sees their own dots only; the facilitator sees how many voted, not where.
  await expect(dots(pam, 'approve')).toHaveCount(2)
  await expect(dots(pam, 'wait')).toHaveCount(0)
  await expect(dots(pat, 'approve')).toHaveCount(1)
  await expect(dots(pat, 'wait')).toHaveCount(1)
  await expect(fay.getByTestId('vote-voters')).toHaveAttribute('data-voters', '2')
  await expect(fay.getByTestId('vote-dot')).toHaveCount(0)
  await expect(fay.getByTestId('vote-count')).toHaveCount(0)
  await screenshot(pam, testInfo, 'own-dots')

  // The reveal: the same counts on every page, and the ranked list.
  await fay.getByTestId('vote-reveal').click()
  for (const page of [fay, pam, pat]) {
    await expect(count(page, 'approve')).toHaveAttribute('data-count', '3')
    await expect(count(page, 'wait')).toHaveAttribute('data-count', '1')
    await expect(count(page, 'ship')).toHaveCount(0)
    await expect(page.getByTestId('vote-target')).toHaveCount(0)
    await expect(page.getByTestId('vote-results')).toContainText('2 people voted')
    expect(await rankedRows(page)).toEqual(['Approve invoice3', 'Wait for sign-off1'])
  }
  await screenshot(fay, testInfo, 'revealed')
  await pat.getByTestId('vote-results').screenshot({ path: testInfo.outputPath('voting-ranked-list.png') })
  await testInfo.attach('voting: ranked-list', {
    path: testInfo.outputPath('voting-ranked-list.png'),
    contentType: 'image/png',
  })

  // A late joiner sees the result: it is in the board, not in anyone's page.
  const lee = await openAs(browser, boardId, await token('lee', 'Lee', 'editor', boardId))
  await expect(count(lee, 'approve')).toHaveAttribute('data-count', '3')
  expect(await rankedRows(lee)).toEqual(['Approve invoice3', 'Wait for sign-off1'])
  // Only the facilitator clears it, and then it is gone for everyone.
  await expect(lee.getByTestId('vote-clear')).toHaveCount(0)
  await fay.getByTestId('vote-clear').click()
  for (const page of [fay, pam, lee]) await expect(page.getByTestId('vote-results')).toHaveCount(0)
  for (const page of [fay, pam, pat, lee]) await page.context().close()
})

test('a vote on one stage puts only the shapes inside it on the ballot', async ({ browser }) => {
  const facilitatorToken = await token('fay', 'Fay', 'facilitator')
  const boardId = await boardWith(facilitatorToken, [
    workflowShape('stage', {
      id: 'intake',
      x: 40,
      y: 160,
      index: 'a1',
      props: { w: 560, h: 300, label: 'Intake' },
    }),
    workflowShape('step', {
      id: 'triage',
      parentId: 'shape:intake',
      x: 40,
      y: 80,
      index: 'a1',
      props: { w: 220, h: 110, label: 'Triage' },
    }),
    workflowShape('step', {
      id: 'ship',
      x: 700,
      y: 240,
      index: 'a2',
      props: { w: 220, h: 110, label: 'Ship' },
    }),
  ])
  const fay = await openAs(browser, boardId, facilitatorToken)
  const pam = await openAs(browser, boardId, await token('pam', 'Pam', 'editor', boardId))

  // The facilitator selects the stage (by its label band, as containers are) and votes on what is inside it.
  await clickAt(fay, await screenPointIn(fay, 'shape:intake', 0.05, 0.04))
  await openWorkshopMenu(fay)
  await fay.getByTestId('vote-button').click()
  await fay.getByTestId('vote-scope').selectOption('container')
  await fay.getByTestId('vote-start').click()

  await expect(target(pam, 'triage')).toBeVisible()
  await expect(pam.getByTestId('vote-target')).toHaveCount(1)
  await vote(pam, 'triage', 2)
  await expect(dots(pam, 'triage')).toHaveCount(1)
  for (const page of [fay, pam]) await page.context().close()
})
