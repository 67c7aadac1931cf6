/**
 * A large picture dropped on the board gets resized variants, each stored as an asset of its own and
 * listed in the record; zoomed out, the board draws a variant (a smaller picture is fetched and decoded),
 * while a PNG export still carries the whole picture.
 */
import type { Page } from '@playwright/test'
import { canvasPoint, openNewBoard } from '../board/flowmap-page.ts'
import { expect, test } from '../fixtures/test.ts'
import { assetRecords, dropGeneratedFile } from './asset-drops.ts'

/** The natural widths of the pictures the canvas shows, decoded. */
function shownImageWidths(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLImageElement>('.tl-image, .tl-image-container img')]
      .filter((image) => image.complete && image.naturalWidth > 0)
      .map((image) => image.naturalWidth),
  )
}

/** The share of a middle row of a PNG export that is pure black or white (1-px stripes kept sharp). */
function sharpStripeShare(page: Page): Promise<{ width: number; share: number }> {
  return page.evaluate(async () => {
    type Editor = {
      getCurrentPageShapeIds(): Set<string>
      toImage(ids: string[], opts: object): Promise<{ blob: Blob; width: number }>
    }
    const editor = (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor
    const { blob, width } = await editor.toImage([...editor.getCurrentPageShapeIds()], {
      format: 'png',
      scale: 1,
      // One export pixel per picture pixel, so sharp stripes stay pure black and white.
      pixelRatio: 1,
      padding: 0,
      background: true,
    })
    const bitmap = await createImageBitmap(blob)
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
    const context = canvas.getContext('2d')!
    context.drawImage(bitmap, 0, 0)
    const row = context.getImageData(0, Math.floor(bitmap.height / 2), bitmap.width, 1).data
    let sharp = 0
    for (let index = 0; index < row.length; index += 4) {
      if (row[index]! < 40 || row[index]! > 215) sharp++
    }
    return { width, share: sharp / (row.length / 4) }
  })
}

/** Zooms to `zoom` around the middle of the screen, where the dropped picture is. */
function zoomOnBoard(page: Page, zoom: number): Promise<void> {
  return page.evaluate((zoom) => {
    type Camera = { x: number; y: number; z: number }
    type Editor = {
      getCamera(): Camera
      getViewportScreenCenter(): { x: number; y: number }
      setCamera(camera: Camera): void
    }
    const editor = (window as unknown as { __flowmap: { editor: Editor } }).__flowmap.editor
    const camera = editor.getCamera()
    const centre = editor.getViewportScreenCenter()
    // The page point under the centre stays there: centre / z - camera is the same before and after.
    const page = { x: centre.x / camera.z - camera.x, y: centre.y / camera.z - camera.y }
    editor.setCamera({ x: centre.x / zoom - page.x, y: centre.y / zoom - page.y, z: zoom })
  }, zoom)
}

test('a large picture gets variants; zoomed out the board draws a smaller one; a PNG export has the whole picture', async ({
  page,
}) => {
  await openNewBoard(page)
  await dropGeneratedFile(page, await canvasPoint(page, 0.5, 0.5), {
    kind: 'striped-png',
    name: 'stripes.png',
    width: 2400,
    height: 1600,
  })
  await expect.poll(() => assetRecords(page), { timeout: 15_000 }).toHaveLength(1)
  const [asset] = await assetRecords(page)
  expect(asset!.w).toBe(2400)
  expect(asset!.variants.map((variant) => variant.w)).toEqual([300, 600, 1200])
  // Each variant is an asset the server holds, like the original.
  for (const { src } of [asset!, ...asset!.variants]) {
    await expect.poll(() => page.evaluate(async (src) => (await fetch(src)).status, src)).toBe(200)
  }
  // Dropped, it is zoomed to fit (about 40 %): the 1200 px variant covers it. At 100 %, the original.
  await expect.poll(() => shownImageWidths(page), { timeout: 10_000 }).toEqual([1200])
  await zoomOnBoard(page, 1)
  await expect.poll(() => shownImageWidths(page), { timeout: 10_000 }).toEqual([2400])

  await zoomOnBoard(page, 0.1)
  // 2400 px drawn at 10 % on a 1x screen is 240 device pixels: the 300 px variant covers it.
  await expect.poll(() => shownImageWidths(page), { timeout: 10_000 }).toEqual([300])
  await page.screenshot({ path: test.info().outputPath('variant-zoomed-out.png') })

  // The export is drawn from the original: its 1-px stripes are still sharp (a 300 px copy stretched
  // to 2400 px would be grey).
  const exported = await sharpStripeShare(page)
  expect(exported.width).toBe(2400)
  expect(exported.share).toBeGreaterThan(0.9)
})
