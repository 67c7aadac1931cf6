import type { BoardRole } from '@flowmap/shared'
import type { Browser, Page, TestInfo } from '@playwright/test'
import { issueToken } from '../../sync-server/src/auth/tokens.ts'
import { canvasPoint, clickAt, shapesOfType, waitForBoard } from '../board/flowmap-page.ts'
import { type FlowmapServerProcess, startFlowmapServer } from '../fixtures/flowmap-server.ts'
import { expect, test } from '../fixtures/test.ts'

/**
 * The viewer and the error states of a server that requires share links (issue 12, point 8): this file
 * runs its own server with FLOWMAP_AUTH_SECRET, not the fixture's open one.
 */
const SECRET = 'e2e-access-secret-with-enough-entropy-0123456789'

let server: FlowmapServerProcess
test.beforeAll(async () => {
  server = await startFlowmapServer({ FLOWMAP_AUTH_SECRET: SECRET })
})
test.afterAll(async () => {
  await server?.stop()
})

const inADay = () => new Date(Date.now() + 86_400_000)

function token(board: string, role: BoardRole, expiresAt = inADay(), secret = SECRET): Promise<string> {
  return issueToken(secret, { sub: `e2e-${role}`, name: `E2E ${role}`, board, role }, expiresAt)
}

async function createBoard(title: string): Promise<string> {
  const response = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await token('*', 'facilitator')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ title }),
  })
  if (!response.ok) throw new Error(`POST /api/boards: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { id: string }).id
}

async function openPage(browser: Browser, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url })
  const page = await context.newPage()
  await page.goto(path)
  return page
}

async function screenshot(page: Page, testInfo: TestInfo, what: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`access-${what}.png`) })
}

test('a viewer sees no Share button and cannot leave a ghost shape', async ({ browser }, testInfo) => {
  const boardId = await createBoard('Viewed map')
  const f = await openPage(browser, `/b/${boardId}?token=${await token(boardId, 'facilitator')}`)
  await waitForBoard(f)
  await expect(f.getByTestId('share-button'), 'a facilitator shares the board').toBeVisible()
  await f.getByTestId('tools.step').click()
  await clickAt(f, await canvasPoint(f, 0.4, 0.4))
  await expect.poll(async () => (await shapesOfType(f, 'step')).length).toBe(1)

  const v = await openPage(browser, `/b/${boardId}?token=${await token(boardId, 'viewer')}`)
  await waitForBoard(v)
  await expect.poll(async () => (await shapesOfType(v, 'step')).length).toBe(1)
  await expect(v.getByTestId('view-only-badge')).toBeVisible()
  await expect(v.getByTestId('share-button'), 'a viewer has no Share button').toHaveCount(0)

  // The tools' keys do nothing on a read-only board.
  const empty = await canvasPoint(v, 0.7, 0.7)
  for (const key of ['n', 's', 'c', 'w']) {
    await v.keyboard.press(key)
    await clickAt(v, empty)
  }
  // A write that skips tldraw's read-only mode (a page script, a path the UI missed) is put back at
  // once, and the page says so: no shape that only this page has, next to "all changes saved".
  await v.evaluate(() => {
    const editor = (
      window as unknown as {
        __flowmap: {
          editor: {
            store: { put(records: unknown[]): void }
            getCurrentPageShapes(): Array<Record<string, unknown>>
          }
        }
      }
    ).__flowmap.editor
    const [step] = editor.getCurrentPageShapes()
    editor.store.put([{ ...step, id: 'shape:ghost', x: Number(step!.x) + 300 }])
  })
  await expect(v.getByTestId('refusal-banner')).toContainText('view only', { timeout: 10_000 })
  await expect(v.getByTestId('refusal-banner')).toContainText('shape:ghost')
  expect((await shapesOfType(v, 'step')).map((shape) => shape.id)).not.toContain('shape:ghost')
  expect(await shapesOfType(v, 'step')).toHaveLength(1)
  await expect(v.getByTestId('connection-status')).toHaveAttribute('data-state', 'online')
  await screenshot(v, testInfo, 'viewer')
  expect(await shapesOfType(f, 'step'), "the facilitator's board never saw it").toHaveLength(1)
})

test('a bad token shows one clear message', async ({ browser }, testInfo) => {
  const boardId = await createBoard('Guarded map')
  const cases = [
    { what: 'damaged', path: `/b/${boardId}?token=not-a-token`, title: 'This link is not valid' },
    {
      what: 'expired',
      path: `/b/${boardId}?token=${await token(boardId, 'editor', new Date(Date.now() - 86_400_000))}`,
      title: 'This link is not valid any more',
    },
    { what: 'missing', path: `/b/${boardId}`, title: 'This board needs a share link' },
    {
      // Well-formed and current, but signed with another secret: only the server can tell.
      what: 'refused',
      path: `/b/${boardId}?token=${await token(boardId, 'editor', inADay(), 'another-secret-0123456789abcdef')}`,
      title: 'This link is not valid any more',
    },
  ]
  for (const { what, path, title } of cases) {
    const page = await openPage(browser, path)
    const problem = page.getByTestId('link-problem')
    await expect(problem, what).toBeVisible({ timeout: 20_000 })
    await expect(problem.getByRole('heading')).toHaveText(title)
    await expect(problem).toContainText(/ask the facilitator/i)
    await expect(problem.getByTestId('link-problem-home')).toBeVisible()
    // One message: no board behind it, no chip, banner or popover.
    for (const other of [
      'connection-status',
      'refusal-banner',
      'connection-problem',
      'share-token-problem',
    ]) {
      await expect(page.getByTestId(other), `${what}: no ${other}`).toHaveCount(0)
    }
    await expect(page.locator('.tl-container'), `${what}: no board`).toHaveCount(0)
    await screenshot(page, testInfo, `bad-token-${what}`)
    if (what === 'damaged') {
      await problem.getByTestId('link-problem-home').click()
      await expect.poll(() => new URL(page.url()).pathname).toBe('/')
    }
    await page.context().close()
  }
})
