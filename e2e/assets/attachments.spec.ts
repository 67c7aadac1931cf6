/**
 * A PDF dropped on the board becomes an artifact card holding the file: labelled with its name, the
 * file in the asset store and named in the card's `meta.attachment`; another person opens it from the
 * card (double-click, or Enter) and gets the same bytes, fetched with the board's credentials; and the
 * person who dropped it opens it offline from the device's copy.
 */
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { canvasPoint, dropSocket, shapesOfType, waitForServiceWorkerControl } from '../board/flowmap-page.ts'
import { openTwoUsersOnOneBoard } from '../board/two-users.ts'
import { expect, test, WITH_SERVICE_WORKER } from '../fixtures/test.ts'
import { dropFiles } from '../interop/interop-page.ts'
import { minimalPdf } from './asset-drops.ts'

test.use(WITH_SERVICE_WORKER)

const ASSET_PATH = /^\/api\/boards\/[^/]+\/assets\/[0-9a-f]{64}$/

/** Opens the card's file as a person does and answers the bytes the browser downloaded. */
async function openAttachmentBy(
  page: Page,
  how: 'double-click' | 'enter',
): Promise<{ name: string; bytes: Buffer }> {
  const badge = page.getByTestId('attachment-badge')
  const download = page.waitForEvent('download')
  if (how === 'double-click') await badge.dblclick()
  else {
    await badge.focus()
    await page.keyboard.press('Enter')
  }
  const downloaded = await download
  const path = await downloaded.path()
  return { name: downloaded.suggestedFilename(), bytes: await readFile(path) }
}

test('a PDF dropped becomes an artifact holding the file; another person opens it and gets the same bytes', async ({
  openUser,
}) => {
  const { a, b } = await openTwoUsersOnOneBoard(openUser)
  const pdf = minimalPdf()
  await waitForServiceWorkerControl(a.page)
  await dropFiles(a.page, await canvasPoint(a.page, 0.5, 0.5), [
    { name: 'travel-policy.pdf', type: 'application/pdf', text: '', base64: pdf.toString('base64') },
  ])

  await expect.poll(async () => (await shapesOfType(a.page, 'artifact')).length).toBe(1)
  const [card] = await shapesOfType(a.page, 'artifact')
  expect(card!.props).toMatchObject({ kind: 'document', label: 'travel-policy.pdf' })
  const attachment = (
    card!.meta as { attachment: { src: string; name: string; size: number; mimeType: string } }
  ).attachment
  expect(attachment).toMatchObject({
    name: 'travel-policy.pdf',
    size: pdf.length,
    mimeType: 'application/pdf',
  })
  expect(attachment.src).toMatch(ASSET_PATH)
  // No tldraw asset record: the file lives in the store, the card names it.
  expect(await a.page.evaluate(() => document.querySelectorAll('.tl-image').length)).toBe(0)
  await expect(a.page.getByTestId('attachment-badge')).toContainText('travel-policy.pdf')

  await expect.poll(async () => (await shapesOfType(b.page, 'artifact')).length, { timeout: 10_000 }).toBe(1)
  await expect(b.page.getByTestId('attachment-badge')).toContainText('travel-policy.pdf')
  await b.page.screenshot({ path: test.info().outputPath('attachment-card.png') })
  const opened = await openAttachmentBy(b.page, 'double-click')
  expect(opened.name).toBe('travel-policy.pdf')
  expect(opened.bytes.equals(pdf)).toBe(true)
  // The double-click opened the file; it did not start editing the card's label.
  await expect(b.page.getByLabel('Artifact label')).toHaveCount(0)

  // With the card selected, the inspector names the file and opens it too.
  await b.page.getByTestId('attachment-badge').click()
  await b.page.getByTestId('sidebar-tab-properties').click()
  const openInInspector = b.page.getByTestId('inspector.open-attachment')
  await expect(openInInspector).toHaveText('Open travel-policy.pdf')
  await expect(b.page.locator('.flowmap-panel__attachment')).toContainText(`(${pdf.length} B)`)
  const fromInspector = b.page.waitForEvent('download')
  await openInInspector.click()
  expect((await readFile(await (await fromInspector).path())).equals(pdf)).toBe(true)

  // Offline, the person who dropped it opens it from the device's copy (Enter on the badge).
  await a.context.setOffline(true)
  await dropSocket(a.page)
  const offline = await openAttachmentBy(a.page, 'enter')
  expect(offline.bytes.equals(pdf)).toBe(true)
})
