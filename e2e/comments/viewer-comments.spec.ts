/**
 * A viewer comments where the facilitator allows it, and only then: the facilitator's Workshop menu
 * setting, the viewer's comment reaching the facilitator through the server (which holds the viewer to
 * comments), and nothing offered while the setting is off.
 */
import type { BoardRole } from '@flowmap/shared'
import type { Browser, Page } from '@playwright/test'
import { openWorkshopMenu, waitForBoard } from '../board/flowmap-page.ts'
import { useServerWithLinks } from '../fixtures/server-with-links.ts'
import { expect, test } from '../fixtures/test.ts'
import { commentOnShape, drawStep, pin } from './comments-page.ts'

const links = useServerWithLinks('e2e-viewer-comments-secret-with-enough-entropy-17')
const token = (sub: string, role: BoardRole) => links.token({ sub, name: sub, role, board: '*' })

async function openAs(browser: Browser, boardId: string, role: BoardRole, sub: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: links.server.url })
  const page = await context.newPage()
  await page.goto(`/b/${boardId}?token=${encodeURIComponent(await token(sub, role))}`)
  await waitForBoard(page)
  return page
}

test('a viewer comments once the facilitator allows it, and the facilitator sees the comment', async ({
  browser,
}) => {
  const created = await fetch(`${links.server.url}/api/boards`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await token('Fay', 'facilitator')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ title: 'Reviewed by readers' }),
  })
  const { id } = (await created.json()) as { id: string }
  const facilitator = await openAs(browser, id, 'facilitator', 'Fay')
  const step = await drawStep(facilitator)

  const viewer = await openAs(browser, id, 'viewer', 'Vic')
  await expect(viewer.getByTestId('comment-mode')).toHaveCount(0)

  await openWorkshopMenu(facilitator)
  await facilitator.getByTestId('viewer-comments').click()
  await expect(facilitator.getByTestId('viewer-comments')).toHaveAttribute('aria-pressed', 'true')
  await facilitator.keyboard.press('Escape')

  await expect(viewer.getByTestId('comment-mode')).toBeVisible({ timeout: 15_000 })
  const threadId = await commentOnShape(viewer, step, 'Is this step still done by hand?')
  await expect(pin(facilitator, threadId)).toBeVisible({ timeout: 15_000 })
  await pin(facilitator, threadId).click()
  await expect(facilitator.getByTestId('comment-popover').getByTestId('comment-text')).toHaveText([
    'Is this step still done by hand?',
  ])
  // Stored by the server in the viewer's name, not only shown on the pages.
  const exported = await fetch(`${links.server.url}/api/boards/${id}/export.json`, {
    headers: { authorization: `Bearer ${await token('Fay', 'facilitator')}` },
  })
  const body = (await exported.json()) as { records: { typeName: string; authorId?: string }[] }
  expect(body.records.filter((record) => record.typeName === 'comment').map((c) => c.authorId)).toEqual([
    'Vic',
  ])
})
