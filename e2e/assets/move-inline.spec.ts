/**
 * A board made before the asset store holds its pictures inline (a data URL in the asset record): the
 * facilitator's "Move pasted images to the asset store" puts them in the store, the record then holds
 * the asset's path, the picture still shows, and a second run finds nothing to move.
 */
import type { Page } from '@playwright/test'
import { solidPng } from '../../sync-server/src/testing/solid-png.ts'
import { boardIdOf, openNewBoard, openWorkshopMenu } from '../board/flowmap-page.ts'
import { expect, test } from '../fixtures/test.ts'

const ASSET_PATH = /^\/api\/boards\/[^/]+\/assets\/[0-9a-f]{64}$/
const png = solidPng(64, 48, [40, 160, 60])

/** The asset record's src, as this tab's store holds it. */
function srcInTab(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    type Editor = { store: { get(id: string): { props?: { src?: string } } | undefined } }
    const editor = (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor
    return editor.store.get('asset:inline')?.props?.src
  })
}

/** The asset record's src, as the server's history holds it now. */
function srcOnServer(page: Page, boardId: string): Promise<string | undefined> {
  return page.evaluate(async (boardId) => {
    const answer = await fetch(`/api/boards/${boardId}/history/at`)
    const body = (await answer.json()) as { records: { id: string; props?: { src?: string } }[] }
    return body.records.find((record) => record.id === 'asset:inline')?.props?.src
  }, boardId)
}

async function moveFromMenu(page: Page): Promise<string> {
  await openWorkshopMenu(page)
  await page.getByTestId('move-inline-images').click()
  const result = page.getByTestId('move-inline-images-result')
  await expect(result).toBeVisible()
  return (await result.textContent()) ?? ''
}

test('a pasted image held inline moves to the asset store from the Workshop menu and still shows', async ({
  page,
}) => {
  await openNewBoard(page)
  const boardId = boardIdOf(page)
  const dataUrl = `data:image/png;base64,${png.toString('base64')}`
  await page.evaluate((src) => {
    type Editor = {
      createAssets(assets: unknown[]): void
      createShape(shape: unknown): void
    }
    const editor = (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor
    editor.createAssets([
      {
        id: 'asset:inline',
        typeName: 'asset',
        type: 'image',
        props: { name: 'green.png', src, w: 64, h: 48, mimeType: 'image/png', isAnimated: false },
        meta: {},
      },
    ])
    editor.createShape({ type: 'image', x: 200, y: 200, props: { assetId: 'asset:inline', w: 64, h: 48 } })
  }, dataUrl)
  await expect.poll(() => srcOnServer(page, boardId), { timeout: 10_000 }).toBe(dataUrl)

  expect(await moveFromMenu(page)).toBe(`Moved 1 image (${sizeOf(png.byteLength)}) to the asset store`)
  await expect.poll(() => srcInTab(page)).toMatch(ASSET_PATH)
  const src = (await srcInTab(page))!
  expect(await srcOnServer(page, boardId)).toBe(src)
  const stored = await page.evaluate(async (src) => {
    const answer = await fetch(src)
    return { status: answer.status, size: (await answer.arrayBuffer()).byteLength }
  }, src)
  expect(stored).toEqual({ status: 200, size: png.byteLength })
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLImageElement>('.tl-image, .tl-image-container img')].some(
          (image) => image.complete && image.naturalWidth > 0,
        ),
      ),
    )
    .toBe(true)

  expect(await moveFromMenu(page)).toBe('No inline images on this board')
})

/** As the sentence writes sizes (@flowmap/shared byteSizeSentence). */
function sizeOf(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} bytes`
}
