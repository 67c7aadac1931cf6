import { type BoardRole, writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import type { Browser, Page, TestInfo } from '@playwright/test'
import * as Y from 'yjs'
import { issueToken } from '../../sync-server/src/auth/tokens.ts'
import {
  canvasPoint,
  clickAt,
  drag,
  forceRawUpdate,
  screenCenterOf,
  shapesOfType,
  waitForBoard,
} from '../board/flowmap-page.ts'
import { type FlowmapServerProcess, startFlowmapServer } from '../fixtures/flowmap-server.ts'
import { expect, test } from '../fixtures/test.ts'

/**
 * People and roles, live (issue 13, point 2): a facilitator and two participants on a server that
 * requires share links. The people panel shows the roles the server applies; a demoted participant's
 * page turns read-only at once and its edits do not land; a removed one's page says so, and stays so.
 */
const SECRET = 'e2e-people-secret-with-enough-entropy-0123456789'

let server: FlowmapServerProcess
test.beforeAll(async () => {
  server = await startFlowmapServer({ FLOWMAP_AUTH_SECRET: SECRET })
})
test.afterAll(async () => {
  await server?.stop()
})

const inADay = () => new Date(Date.now() + 86_400_000)

function token(sub: string, name: string, board: string, role: BoardRole): Promise<string> {
  return issueToken(SECRET, { sub, name, board, role }, inADay())
}

async function api(path: string, bearer: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
  })
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as Record<string, unknown>
}

async function openBoardAs(browser: Browser, boardId: string, bearer: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url })
  const page = await context.newPage()
  await page.goto(`/b/${boardId}?token=${encodeURIComponent(bearer)}`)
  return page
}

async function storedSteps(boardId: string, bearer: string): Promise<string[]> {
  const exported = await api(`/api/boards/${boardId}/export.json`, bearer)
  return Object.values(exported.records as Record<string, { typeName: string; type?: string; id: string }>)
    .filter((record) => record.typeName === 'shape' && record.type === 'step')
    .map((record) => record.id)
    .sort()
}

/** A well-formed step as a Yjs update from a doc of its own: an edit that skips the page's read-only mode. */
function stepUpdate(): Uint8Array {
  const doc = new Y.Doc()
  writeRecord(
    doc,
    workflowShape('step', {
      id: 'e2e-demoted-step',
      x: 300,
      y: 300,
      index: 'a5',
      props: { w: 220, h: 120, label: 'written after the demotion' },
    }),
  )
  return Y.encodeStateAsUpdate(doc)
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`people-${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(`people: ${name}`, { path, contentType: 'image/png' })
}

test('a facilitator sees verified roles, demotes a participant to read-only (and back) and removes another', async ({
  browser,
}, testInfo) => {
  // Three browser contexts on one loaded machine: each page takes a while to open.
  test.setTimeout(240_000)
  const facilitatorToken = await token('e2e-fay', 'Fay (facilitator)', '*', 'facilitator')
  const { id: boardId } = (await api('/api/boards', facilitatorToken, {
    method: 'POST',
    body: JSON.stringify({ title: 'Onboarding workshop' }),
  })) as { id: string }
  const eddieToken = await token('e2e-eddie', 'Eddie', boardId, 'editor')
  const patToken = await token('e2e-pat', 'Pat', boardId, 'viewer')

  const f = await openBoardAs(browser, boardId, facilitatorToken)
  await waitForBoard(f)
  await f.getByTestId('tools.step').click()
  await clickAt(f, await canvasPoint(f, 0.4, 0.4))
  await expect.poll(() => storedSteps(boardId, facilitatorToken)).toHaveLength(1)
  const e = await openBoardAs(browser, boardId, eddieToken)
  const p = await openBoardAs(browser, boardId, patToken)
  await waitForBoard(e)
  await waitForBoard(p)

  // The panel: each person with the role the server applies.
  await f.getByTestId('people-button').click()
  const person = (page: Page, name: string) => page.getByTestId('person').filter({ hasText: name })
  await expect(person(f, 'Fay')).toHaveAttribute('data-role', 'facilitator')
  await expect(person(f, 'Eddie')).toHaveAttribute('data-role', 'editor')
  await expect(person(f, 'Pat')).toHaveAttribute('data-role', 'viewer')
  await expect(person(f, 'Eddie')).toContainText('Editor')
  await expect(person(f, 'Eddie').getByTestId('person-make-viewer')).toBeVisible()
  await expect(person(f, 'Pat').getByTestId('person-make-editor')).toBeVisible()
  await expect(person(f, 'Fay').getByTestId('person-remove'), 'no buttons on my own row').toHaveCount(0)
  await screenshot(f, testInfo, 'panel-roles')
  // A participant's own panel has no facilitator buttons.
  await e.getByTestId('people-button').click()
  await expect(person(e, 'Fay')).toHaveAttribute('data-role', 'facilitator')
  await expect(e.getByTestId('person-remove')).toHaveCount(0)
  await e.keyboard.press('Escape')

  // Demote Eddie: his page turns read-only without a reload, and says why.
  await expect(e.getByTestId('tools.step')).toBeVisible()
  await person(f, 'Eddie').getByTestId('person-make-viewer').click()
  await expect(person(f, 'Eddie')).toHaveAttribute('data-role', 'viewer')
  await expect(e.getByTestId('role-change-notice')).toHaveAttribute('data-role', 'viewer', {
    timeout: 15_000,
  })
  await expect(e.getByTestId('view-only-badge')).toBeVisible()
  await expect(e.getByTestId('tools.step')).toHaveCount(0)
  await waitForBoard(e)
  // His attempts do not land: a drag on the canvas, and an update sent past the page's read-only mode,
  // which the server refuses.
  const [step] = await shapesOfType(e, 'step')
  const centre = await screenCenterOf(e, step!.id)
  await drag(e, centre, { x: centre.x + 150, y: centre.y + 80 })
  await e.keyboard.press('Delete')
  await forceRawUpdate(e, stepUpdate())
  await expect(e.getByTestId('refusal-banner')).toContainText(/read-only|view/i, { timeout: 15_000 })
  await screenshot(e, testInfo, 'demoted')
  expect(
    await storedSteps(boardId, facilitatorToken),
    'the stored board has only the first step',
  ).toHaveLength(1)
  const facilitatorSteps = await shapesOfType(f, 'step')
  expect(facilitatorSteps.map((s) => s.id)).toEqual([step!.id])

  // Let Eddie edit again: the tools come back without a reload, and his next step lands.
  await person(f, 'Eddie').getByTestId('person-make-editor').click()
  await expect(e.getByTestId('role-change-notice')).toHaveAttribute('data-role', 'editor', {
    timeout: 15_000,
  })
  await expect(e.getByTestId('view-only-badge')).toHaveCount(0)
  await waitForBoard(e)
  await e.getByTestId('tools.step').click()
  await clickAt(e, await canvasPoint(e, 0.7, 0.7))
  await expect.poll(() => storedSteps(boardId, facilitatorToken), { timeout: 15_000 }).toHaveLength(2)

  // Remove Pat: her page says so, and so does every later visit with her link.
  await person(f, 'Pat').getByTestId('person-remove').click()
  const removed = p.getByTestId('link-problem')
  await expect(removed).toHaveAttribute('data-kind', 'removed', { timeout: 15_000 })
  await expect(removed).toContainText('You were removed from this board')
  await expect(person(f, 'Pat')).toHaveCount(0)
  await p.reload()
  await expect(p.getByTestId('link-problem')).toHaveAttribute('data-kind', 'removed', { timeout: 30_000 })
  await screenshot(p, testInfo, 'removed')
  const refused = await fetch(`${server.url}/api/boards/${boardId}`, {
    headers: { authorization: `Bearer ${patToken}` },
  })
  expect(refused.status, "the removed person's link is refused by the API too").toBe(403)
  for (const page of [f, e, p]) await page.context().close()
})
