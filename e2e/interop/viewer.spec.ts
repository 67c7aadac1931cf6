import type { BoardRole } from '@flowmap/shared'
import type { Browser, Page } from '@playwright/test'
import { canvasPoint, shapesOf, waitForBoard } from '../board/flowmap-page.ts'
import { useServerWithLinks } from '../fixtures/server-with-links.ts'
import { expect, test } from '../fixtures/test.ts'
import { dropFiles, fixtureFile, pasteText } from './interop-page.ts'

/** Import writes to the board: a viewer's link is not offered it, and its drops and pastes change nothing. */
const links = useServerWithLinks('e2e-interop-viewer-secret-with-enough-entropy-42')
const token = (sub: string, role: BoardRole) => links.token({ sub, name: sub, role, board: '*' })

async function openAs(browser: Browser, boardId: string, role: BoardRole): Promise<Page> {
  const context = await browser.newContext({ baseURL: links.server.url })
  const page = await context.newPage()
  await page.goto(`/b/${boardId}?token=${encodeURIComponent(await token(role, role))}`)
  await waitForBoard(page)
  return page
}

test('a viewer has Export but no Import, and a file dropped or Mermaid pasted on the board adds nothing', async ({
  browser,
}) => {
  const created = await fetch(`${links.server.url}/api/boards`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await token('facilitator', 'facilitator')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ title: 'Looked at, not edited' }),
  })
  const { id } = (await created.json()) as { id: string }

  const editor = await openAs(browser, id, 'editor')
  await expect(editor.getByTestId('import-button')).toBeVisible()

  const viewer = await openAs(browser, id, 'viewer')
  await expect(viewer.getByTestId('export-button')).toBeVisible()
  await expect(viewer.getByTestId('import-button')).toHaveCount(0)
  await dropFiles(viewer, await canvasPoint(viewer, 0.5, 0.5), [fixtureFile('order-flow.mmd', 'text/plain')])
  await pasteText(viewer, fixtureFile('order-flow.mmd').text)
  // Then the editor drops the same file: once the viewer sees that import, a drop or paste of its own
  // would have had its turn, and the board holds the editor's import alone.
  await dropFiles(editor, await canvasPoint(editor, 0.5, 0.5), [fixtureFile('order-flow.mmd', 'text/plain')])
  await expect(editor.getByTestId('import-report')).toHaveAttribute('data-outcome', 'imported')
  const editorShapes = (await shapesOf(editor)).map((shape) => shape.id)
  await expect.poll(async () => (await shapesOf(viewer)).map((shape) => shape.id)).toEqual(editorShapes)
  await expect(viewer.getByTestId('import-report')).toHaveCount(0)
  await viewer.context().close()
  await editor.context().close()
})
