import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import {
  canvasPoint,
  clickAt,
  doubleClickAt,
  openNewBoard,
  screenCenterOf,
  shapesOfType,
} from './board/flowmap-page.ts'
import { expect, test } from './fixtures/test.ts'

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (!signature.every((byte, i) => bytes[i] === byte)) throw new Error('the download is not a PNG')
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('the PNG has no IHDR chunk first')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/**
 * The text of each <text> element of an SVG, its spans joined: tldraw lays a label out word by word
 * (one <tspan> per word and space), so the label is never one substring of the file.
 */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((match) =>
    match[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      // The spaces between words come as no-break spaces or entities.
      .replace(/&#160;|&nbsp;/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  )
}

async function addStep(page: Page, fx: number, fy: number, label: string): Promise<void> {
  const before = (await shapesOfType(page, 'step')).map((s) => s.id)
  await page.getByTestId('tools.step').click()
  await clickAt(page, await canvasPoint(page, fx, fy))
  await expect.poll(async () => (await shapesOfType(page, 'step')).length).toBe(before.length + 1)
  const added = (await shapesOfType(page, 'step')).find((s) => !before.includes(s.id))!
  await page.keyboard.press('Escape')
  await doubleClickAt(page, await screenCenterOf(page, added.id))
  const input = page.getByRole('textbox', { name: 'Step label' })
  await input.fill(label)
  await input.press('Enter')
  await page.keyboard.press('Escape')
}

/** The page bounds of every shape together, as the export frames them. */
function boardBounds(page: Page): Promise<{ w: number; h: number }> {
  return page.evaluate(() => {
    type Editor = { getCurrentPageBounds(): { w: number; h: number } | undefined }
    const editor = (window as unknown as { __flowmap?: { editor?: Editor } }).__flowmap?.editor
    const bounds = editor?.getCurrentPageBounds()
    return { w: bounds?.w ?? 0, h: bounds?.h ?? 0 }
  })
}

test('Export downloads a PNG the size of the board and an SVG with the step labels, named after the board', async ({
  page,
}) => {
  await openNewBoard(page)
  const title = page.getByRole('textbox', { name: 'Board title' })
  await title.fill('Order to cash')
  await title.press('Enter')
  await addStep(page, 0.3, 0.4, 'Receive the order')
  await addStep(page, 0.65, 0.6, 'Send the invoice')

  const bounds = await boardBounds(page)
  // The export adds 32 page units of padding on each side and draws 2 pixels per unit (export-board.ts).
  const expected = { width: (bounds.w + 64) * 2, height: (bounds.h + 64) * 2 }

  await page.getByTestId('export-button').click()
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()])
  expect(png.suggestedFilename()).toBe('Order to cash.png')
  const size = pngSize(readFileSync((await png.path())!))
  expect(
    Math.abs(size.width - expected.width),
    `PNG ${size.width}×${size.height} vs board`,
  ).toBeLessThanOrEqual(4)
  expect(Math.abs(size.height - expected.height)).toBeLessThanOrEqual(4)

  await page.getByTestId('export-button').click()
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()])
  expect(svg.suggestedFilename()).toBe('Order to cash.svg')
  const text = readFileSync((await svg.path())!, 'utf8')
  expect(text.startsWith('<svg') || text.startsWith('<?xml')).toBe(true)
  expect(svgTexts(text)).toEqual(expect.arrayContaining(['Receive the order', 'Send the invoice']))
})

test('Export of a selection covers only the selected step', async ({ page }) => {
  await openNewBoard(page)
  await addStep(page, 0.3, 0.4, 'Only this one')
  await addStep(page, 0.7, 0.7, 'Not this one')
  const [first] = (await shapesOfType(page, 'step')).filter((s) => s.props.label === 'Only this one')
  await clickAt(page, await screenCenterOf(page, first!.id))
  await page.getByTestId('export-button').click()
  await expect(page.getByTestId('export-svg')).toHaveText('SVG of the selection')
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()])
  const text = readFileSync((await svg.path())!, 'utf8')
  expect(svgTexts(text)).toContain('Only this one')
  expect(svgTexts(text)).not.toContain('Not this one')
})

test('An unnamed stage and lane export without the placeholder text the canvas shows for typing', async ({
  page,
}) => {
  await openNewBoard(page)
  await page.keyboard.press('c')
  await clickAt(page, await canvasPoint(page, 0.15, 0.2))
  await page.keyboard.press('Escape')
  await page.keyboard.press('w')
  await clickAt(page, await canvasPoint(page, 0.5, 0.75))
  await page.keyboard.press('Escape')
  await expect.poll(async () => (await shapesOfType(page, 'lane')).length).toBe(1)
  await expect.poll(async () => (await shapesOfType(page, 'stage')).length).toBe(1)
  await page.getByTestId('export-button').click()
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()])
  const texts = svgTexts(readFileSync((await svg.path())!, 'utf8'))
  // What the map says is there (the stage's number, the lane's missing role); no "Stage" or "Lane".
  expect(texts).toEqual(expect.arrayContaining(['1', 'No role']))
  expect(texts).not.toContain('Stage')
  expect(texts).not.toContain('Lane')
})
