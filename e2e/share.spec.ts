import { type BoardRole, writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import type { Browser, Page } from '@playwright/test'
import * as Y from 'yjs'
import { issueToken } from '../sync-server/src/auth/tokens.ts'
import {
  canvasPoint,
  clickAt,
  drag,
  forceRawUpdate,
  screenCenterOf,
  shapesOfType,
  waitForBoard,
} from './board/flowmap-page.ts'
import { type FlowmapServerProcess, startFlowmapServer } from './fixtures/flowmap-server.ts'
import { expect, test } from './fixtures/test.ts'

/**
 * Share links on a server that requires them (FLOWMAP_AUTH_SECRET): this file runs its own server,
 * not the fixture's open one, and its own browser contexts on that server's origin.
 */
const SECRET = 'e2e-share-secret-with-enough-entropy-0123456789'

let server: FlowmapServerProcess
test.beforeAll(async () => {
  server = await startFlowmapServer({ FLOWMAP_AUTH_SECRET: SECRET })
})
test.afterAll(async () => {
  await server?.stop()
})

function token(claims: { board: string; role: BoardRole }, expiresAt: Date) {
  return issueToken(SECRET, { sub: `e2e-${claims.role}`, name: `E2E ${claims.role}`, ...claims }, expiresAt)
}
const inADay = () => new Date(Date.now() + 86_400_000)

async function api(path: string, bearer: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
  })
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as Record<string, unknown>
}

async function openPage(browser: Browser, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url })
  const page = await context.newPage()
  await page.goto(path)
  return page
}

/** What the server has stored for the board: the last history seq and its step shapes. */
async function serverState(boardId: string, bearer: string) {
  const meta = await api(`/api/boards/${boardId}`, bearer)
  const exported = await api(`/api/boards/${boardId}/export.json`, bearer)
  const records = Object.values(exported.records as Record<string, { typeName: string; type?: string }>)
  return {
    lastSeq: meta.lastSeq as number,
    steps: records
      .filter((r) => r.typeName === 'shape' && r.type === 'step')
      .map((r) => JSON.stringify(r))
      .sort(),
  }
}

/** A well-formed step, as a Yjs update from a doc of its own: a page that skips its own read-only mode. */
function validStepUpdate(): Uint8Array {
  const doc = new Y.Doc()
  writeRecord(
    doc,
    workflowShape('step', {
      id: 'e2e-viewer-step',
      x: 300,
      y: 300,
      index: 'a5',
      props: { w: 220, h: 120, label: 'written by a viewer' },
    }),
  )
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** Makes a link in the share dialog, as a facilitator would, and returns its URL. */
async function makeLink(page: Page, role: 'viewer' | 'editor'): Promise<string> {
  await page.getByTestId('share-button').click()
  await page.getByTestId('share-role').selectOption(role)
  await page.getByTestId('share-days').selectOption('1')
  await page.getByTestId('share-name').fill(`The ${role}`)
  const before = await page.getByTestId('share-link').count()
  await page.getByTestId('share-create').click()
  await expect(page.getByTestId('share-link')).toHaveCount(before + 1)
  const made = page.getByTestId('share-link').first()
  await expect(made).toHaveAttribute('data-role', role)
  const url = await made.locator('input').inputValue()
  await page.keyboard.press('Escape')
  return url
}

test('a viewer link opens read-only and nothing its page does changes the board; an editor link can edit', async ({
  browser,
}) => {
  const facilitator = await token({ board: '*', role: 'facilitator' }, inADay())
  const { id: boardId } = (await api('/api/boards', facilitator, {
    method: 'POST',
    body: JSON.stringify({ title: 'Shared map' }),
  })) as { id: string }

  const f = await openPage(browser, `/b/${boardId}?token=${encodeURIComponent(facilitator)}`)
  await waitForBoard(f)
  await f.getByTestId('tools.step').click()
  await clickAt(f, await canvasPoint(f, 0.4, 0.4))
  await expect.poll(async () => (await serverState(boardId, facilitator)).steps.length).toBe(1)
  const viewerUrl = await makeLink(f, 'viewer')
  const editorUrl = await makeLink(f, 'editor')
  expect(viewerUrl).toContain(`/b/${boardId}?token=`)
  await expect(f.getByTestId('share-link'), 'the dialog lists both links made here').toHaveCount(2)

  // The viewer: a badge, no tools, and every way of writing fails.
  const v = await openPage(browser, new URL(viewerUrl).pathname + new URL(viewerUrl).search)
  await waitForBoard(v)
  await expect(v.getByTestId('view-only-badge')).toBeVisible()
  await expect(v.getByTestId('tools.step')).toHaveCount(0)
  // Presence still works for a viewer: the facilitator sees them, named after the link, as a viewer.
  await f.getByTestId('people-button').click()
  await expect(f.getByTestId('person').filter({ hasText: 'The viewer' })).toHaveAttribute(
    'data-role',
    'viewer',
  )
  await f.keyboard.press('Escape')
  // Opening the board wrote nothing: tldraw's own document, page and user records stay on the page,
  // so the server had nothing to refuse.
  await expect(v.getByTestId('refusal-banner')).toHaveCount(0)
  const before = await serverState(boardId, facilitator)
  const [step] = await shapesOfType(v, 'step')
  const centre = await screenCenterOf(v, step!.id)
  await drag(v, centre, { x: centre.x + 150, y: centre.y + 80 })
  await clickAt(v, centre)
  await v.keyboard.type('sx hello')
  await v.keyboard.press('Delete')
  await forceRawUpdate(v, validStepUpdate())
  // The server answers the hand-crafted update with a refusal; messages are handled in order, so by
  // the time the page shows it, anything the earlier gestures sent has been judged too.
  await expect(v.getByTestId('refusal-banner')).toContainText(/read-only|view/i, { timeout: 10_000 })
  expect(await serverState(boardId, facilitator), 'the stored board is exactly as before').toEqual(before)
  expect((await shapesOfType(f, 'step')).length, "the facilitator's board never saw a change").toBe(1)

  // The editor: can add a step, and it reaches the server.
  const e = await openPage(browser, new URL(editorUrl).pathname + new URL(editorUrl).search)
  await waitForBoard(e)
  await expect(e.getByTestId('view-only-badge')).toHaveCount(0)
  await e.getByTestId('tools.step').click()
  await clickAt(e, await canvasPoint(e, 0.7, 0.7))
  await expect.poll(async () => (await serverState(boardId, facilitator)).steps.length).toBe(2)

  // Only a facilitator may make links: an editor's dialog says so.
  await e.getByTestId('share-button').click()
  await expect(e.getByText('Only a facilitator can make links')).toBeVisible()
  for (const page of [f, v, e]) await page.context().close()
})

test('a bad, an expired and a foreign token each get a page that says what is wrong', async ({ browser }) => {
  const facilitator = await token({ board: '*', role: 'facilitator' }, inADay())
  const { id: boardId } = (await api('/api/boards', facilitator, { method: 'POST', body: '{}' })) as {
    id: string
  }
  const expired = await token({ board: boardId, role: 'editor' }, new Date(Date.now() - 60_000))
  const foreign = await token({ board: 'some-other-board', role: 'editor' }, inADay())
  const cases = [
    ['not-a-token', 'bad', /not valid/],
    [expired, 'expired', /expired on/],
    [foreign, 'foreign', /made for board some-other-board/],
  ] as const
  for (const [bad, kind, sentence] of cases) {
    const page = await openPage(browser, `/b/${boardId}?token=${encodeURIComponent(bad)}`)
    // On a server that requires links, the page is that one message (e2e/usability/access.spec.ts).
    const notice = page.getByTestId('link-problem')
    await expect(notice).toHaveAttribute('data-kind', kind)
    await expect(notice).toContainText(sentence)
    await page.context().close()
  }
})
