/**
 * Images on a board go to the server's asset store: the board's record holds the asset's path, never the
 * bytes; a second person sees the image; a file that only claims to be an image is refused; and an
 * image dropped offline shows, survives a reload offline, and reaches the server and others once back.
 */
import { createHash } from 'node:crypto'
import type { Page } from '@playwright/test'
import { solidPng } from '../../sync-server/src/testing/solid-png.ts'
import {
  canvasPoint,
  dropSocket,
  openBoard,
  openNewBoard,
  waitForBoard,
  waitForServiceWorkerControl,
} from '../board/flowmap-page.ts'
import { openTwoUsersOnOneBoard } from '../board/two-users.ts'
import { expect, test, WITH_SERVICE_WORKER } from '../fixtures/test.ts'
import { dropFiles, type FixtureFile } from '../interop/interop-page.ts'
import { dropGeneratedFile, shapeCount } from './asset-drops.ts'

test.use(WITH_SERVICE_WORKER)

function pngFile(name: string, rgb: [number, number, number]): FixtureFile {
  return { name, type: 'image/png', text: '', base64: solidPng(64, 48, rgb).toString('base64') }
}

/** Drops files on the middle of the canvas as a person dragging them from the desktop does. */
async function dropOnCanvas(page: Page, files: readonly FixtureFile[]): Promise<void> {
  await dropFiles(page, await canvasPoint(page, 0.5, 0.5), files)
}

/**
 * The board's asset records' sources, as the store holds them. tldraw writes an asset record with an
 * empty src while its upload runs, then the src `upload` answered: the empty ones are left out.
 */
function assetSources(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Editor = { store: { allRecords(): { typeName: string; props?: { src?: string } }[] } }
    const editor = (window as unknown as { __flowmap?: { editor?: Editor } }).__flowmap?.editor
    return (editor?.store.allRecords() ?? [])
      .filter((r) => r.typeName === 'asset')
      .map((r) => r.props?.src ?? '')
      .filter((src) => src !== '')
  })
}

/** Whether every image shape on the page shows a decoded picture. */
async function imagesShown(page: Page): Promise<number> {
  return page.evaluate(() => {
    const images = [...document.querySelectorAll<HTMLImageElement>('.tl-image, .tl-image-container img')]
    return images.filter((image) => image.complete && image.naturalWidth > 0).length
  })
}

/** The HTTP status the server answers for an asset path, asked with this page's credentials. */
function serverStatusOf(page: Page, src: string): Promise<number> {
  return page.evaluate(async (src) => (await fetch(src)).status, src)
}

const ASSET_PATH = /^\/api\/boards\/[^/]+\/assets\/[0-9a-f]{64}$/

test('an image dropped on the board is kept by the server, not in the doc, and the other person sees it', async ({
  openUser,
}) => {
  const { a, b } = await openTwoUsersOnOneBoard(openUser)
  await dropOnCanvas(a.page, [pngFile('red.png', [220, 40, 40])])
  await expect.poll(() => assetSources(a.page)).toHaveLength(1)
  const [src] = await assetSources(a.page)
  expect(src).toMatch(ASSET_PATH)
  await expect.poll(() => imagesShown(a.page)).toBe(1)
  await expect.poll(() => serverStatusOf(a.page, src!)).toBe(200)

  await expect.poll(() => assetSources(b.page)).toEqual([src])
  await expect.poll(() => imagesShown(b.page), { timeout: 10_000 }).toBe(1)
  await a.page.screenshot({ path: test.info().outputPath('image-on-board.png') })

  // An export carries the picture itself (tldraw's export resolves the original and embeds it).
  const embedded = await b.page.evaluate(async () => {
    type Editor = {
      getCurrentPageShapeIds(): Set<string>
      getSvgString(ids: string[]): Promise<{ svg: string } | undefined>
    }
    const editor = (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor
    const exported = await editor.getSvgString([...editor.getCurrentPageShapeIds()])
    return /<image[^>]+href="data:image\/png;base64,/.test(exported?.svg ?? '')
  })
  expect(embedded).toBe(true)
})

test('a file that calls itself an image but is HTML is refused in a sentence, and nothing of it is added', async ({
  page,
}) => {
  await openNewBoard(page)
  const html = { name: 'cat.png', type: 'image/png', text: '<!DOCTYPE html><script>alert(1)</script>' }
  await dropOnCanvas(page, [html])
  await expect(
    page.locator('.tlui-toast__title').filter({
      hasText: /cat\.png is not a file the board stores \(PNG, JPEG, GIF, WebP or SVG images, or PDF files\)/,
    }),
  ).toBeVisible()
  expect(await shapeCount(page)).toBe(0)
  // A real image dropped after it is the board's only asset: the refused one never became one.
  const red = pngFile('red.png', [220, 40, 40])
  await dropOnCanvas(page, [red])
  await expect.poll(() => assetSources(page)).toHaveLength(1)
  const hash = createHash('sha256').update(Buffer.from(red.base64!, 'base64')).digest('hex')
  expect((await assetSources(page))[0]).toMatch(new RegExp(`/assets/${hash}$`))
  expect(await shapeCount(page)).toBe(1)
})

test('a file over the limit is refused with the limit named, and nothing of it is added', async ({
  page,
}) => {
  await openNewBoard(page)
  await dropGeneratedFile(page, await canvasPoint(page, 0.5, 0.5), {
    kind: 'sized',
    name: 'scan.png',
    type: 'image/png',
    size: 26 * 1024 * 1024,
    signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  })
  await expect(
    page
      .locator('.tlui-toast__title')
      .filter({ hasText: 'scan.png is 26.0 MB; the board stores files up to 25 MB.' }),
  ).toBeVisible()
  expect(await shapeCount(page)).toBe(0)
  expect(await assetSources(page)).toEqual([])
})

test('an image dropped offline shows, survives a reload offline, and reaches the server and the other person once back', async ({
  openUser,
}) => {
  const { a, b, boardId } = await openTwoUsersOnOneBoard(openUser)
  await waitForServiceWorkerControl(a.page)
  await a.context.setOffline(true)
  await dropSocket(a.page)
  const chip = a.page.getByTestId('connection-status')
  await expect(chip).toHaveAttribute('data-state', 'offline', { timeout: 10_000 })

  await dropOnCanvas(a.page, [pngFile('blue.png', [30, 60, 220])])
  await expect.poll(() => assetSources(a.page)).toHaveLength(1)
  const [src] = await assetSources(a.page)
  expect(src).toMatch(ASSET_PATH)
  await expect.poll(() => imagesShown(a.page)).toBe(1)

  await a.page.reload()
  await waitForBoard(a.page, { online: false })
  await expect.poll(() => assetSources(a.page), { timeout: 10_000 }).toEqual([src])
  await expect.poll(() => imagesShown(a.page), { timeout: 10_000 }).toBe(1)

  await a.context.setOffline(false)
  await expect(chip).toHaveAttribute('data-state', 'online', { timeout: 20_000 })
  await expect.poll(() => serverStatusOf(b.page, src!), { timeout: 15_000 }).toBe(200)
  await expect.poll(() => assetSources(b.page), { timeout: 15_000 }).toEqual([src])
  await expect.poll(() => imagesShown(b.page), { timeout: 10_000 }).toBe(1)
  // A third page, opened fresh, draws it from the server alone.
  await openBoard(b.page, boardId)
  await expect.poll(() => imagesShown(b.page), { timeout: 10_000 }).toBe(1)
})
