/**
 * Shapes copied from board A and pasted into board B bring their files with them: B's records name
 * B's assets only (its people may not read A), the server holds each under B, and a file whose bytes
 * cannot be had is said so.
 */
import type { Page } from '@playwright/test'
import { boardIdOf, canvasPoint, openBoard, openNewBoard, shapesOfType } from '../board/flowmap-page.ts'
import { expect, test } from '../fixtures/test.ts'
import { dropFiles } from '../interop/interop-page.ts'
import { assetRecords, dropGeneratedFile, minimalPdf } from './asset-drops.ts'

/** What tldraw puts on the clipboard for the page's shapes (its copy turns pictures into data URLs). */
function copyAllShapes(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    type Editor = {
      getCurrentPageShapeIds(): Set<string>
      getContentFromCurrentPage(ids: string[]): unknown
      resolveAssetsInContent(content: unknown): Promise<unknown>
    }
    const editor = (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor
    const content = editor.getContentFromCurrentPage([...editor.getCurrentPageShapeIds()])
    return JSON.parse(JSON.stringify(await editor.resolveAssetsInContent(content)))
  })
}

/** Pastes copied content as Ctrl+V of tldraw content does (through the external-content handler). */
function paste(page: Page, content: unknown): Promise<void> {
  return page.evaluate(async (content) => {
    type Editor = { putExternalContent(info: object): Promise<void> }
    const editor = (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor
    await editor.putExternalContent({ type: 'tldraw', content })
  }, content)
}

const statusOf = (page: Page, src: string) => page.evaluate(async (src) => (await fetch(src)).status, src)
const boardOf = (src: string) => /^\/api\/boards\/([^/]+)\/assets\//.exec(src)?.[1]

test('a picture and an attached PDF pasted from another board are stored again under this board', async ({
  page,
}) => {
  const boardA = await openNewBoard(page)
  await dropGeneratedFile(page, await canvasPoint(page, 0.3, 0.5), {
    kind: 'striped-png',
    name: 'stripes.png',
    width: 1200,
    height: 800,
  })
  await expect.poll(async () => (await assetRecords(page))[0]?.variants.length ?? 0).toBe(2)
  const pdf = minimalPdf()
  await dropFiles(page, await canvasPoint(page, 0.8, 0.5), [
    { name: 'policy.pdf', type: 'application/pdf', text: '', base64: pdf.toString('base64') },
  ])
  await expect.poll(async () => (await shapesOfType(page, 'artifact')).length).toBe(1)
  const [original] = await assetRecords(page)
  for (const src of [original!.src, ...original!.variants.map((v) => v.src)]) {
    await expect.poll(() => statusOf(page, src)).toBe(200)
  }
  const copied = await copyAllShapes(page)

  const boardB = await openNewBoard(page)
  expect(boardIdOf(page)).toBe(boardB)
  await paste(page, copied)
  await expect.poll(async () => (await shapesOfType(page, 'artifact')).length).toBe(1)
  // The picture: uploaded again under B, with B's own variants; nothing in B names A.
  await expect
    .poll(async () => (await assetRecords(page))[0]?.variants.length ?? 0, { timeout: 15_000 })
    .toBe(2)
  const [pasted] = await assetRecords(page)
  const sources = [pasted!.src, ...pasted!.variants.map((v) => v.src)]
  expect(sources.map(boardOf)).toEqual([boardB, boardB, boardB])
  // The attachment: the same bytes, stored under B.
  const [card] = await shapesOfType(page, 'artifact')
  const attachment = (card!.meta as { attachment: { src: string; size: number } }).attachment
  expect(boardOf(attachment.src)).toBe(boardB)
  expect(attachment.size).toBe(pdf.length)
  for (const src of [...sources, attachment.src]) await expect.poll(() => statusOf(page, src)).toBe(200)
  // The same bytes: the file's hash under B is the one the card had on A.
  expect(attachment.src.split('/').at(-1)).toBe(
    ((await openBoardRecords(page, boardA)).attachment as string).split('/').at(-1),
  )
})

test('a pasted card whose file this device cannot get is pasted without it, and said so', async ({
  page,
}) => {
  await openNewBoard(page)
  const missing = `/api/boards/elsewhere/assets/${'e'.repeat(64)}`
  const content = {
    shapes: [
      {
        id: 'shape:copied',
        typeName: 'shape',
        type: 'artifact',
        x: 0,
        y: 0,
        rotation: 0,
        index: 'a1',
        parentId: 'page:page',
        isLocked: false,
        opacity: 1,
        props: { w: 170, h: 100, kind: 'document', label: 'budget.pdf' },
        meta: { attachment: { src: missing, name: 'budget.pdf', size: 100, mimeType: 'application/pdf' } },
      },
    ],
    rootShapeIds: ['shape:copied'],
    bindings: [],
    assets: [],
    schema: await page.evaluate(() => {
      type Editor = { store: { schema: { serialize(): unknown } } }
      return (
        window as unknown as { __flowmap: { editor: Editor } }
      ).__flowmap.editor.store.schema.serialize()
    }),
  }
  await paste(page, content)
  await expect(
    page.locator('.tlui-toast__title').filter({ hasText: 'budget.pdf could not be copied to this board' }),
  ).toBeVisible()
  await expect.poll(async () => (await shapesOfType(page, 'artifact')).length).toBe(1)
  const [card] = await shapesOfType(page, 'artifact')
  expect(card!.props).toMatchObject({ label: 'budget.pdf' })
  expect((card!.meta as { attachment?: unknown }).attachment).toBeUndefined()
})

/** Board A's artifact attachment, read by opening A again. */
async function openBoardRecords(page: Page, boardId: string): Promise<{ attachment: unknown }> {
  await openBoard(page, boardId)
  await expect.poll(async () => (await shapesOfType(page, 'artifact')).length).toBe(1)
  const [card] = await shapesOfType(page, 'artifact')
  return { attachment: (card!.meta as { attachment: { src: string } }).attachment.src }
}
