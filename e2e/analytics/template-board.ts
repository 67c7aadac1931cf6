import type { Page, TestInfo } from '@playwright/test'
import { waitForBoard } from '../board/flowmap-page.ts'

/** A new board from a built-in template, the way a person makes one (`/new?template=…`), fitted to the window. */
export async function openTemplateBoard(page: Page, templateId: string): Promise<void> {
  await page.goto(`/new?template=${templateId}`)
  // A new board and its first sync: slow on a loaded machine.
  await page.waitForURL(/\/b\//, { timeout: 30_000 })
  await waitForBoard(page)
  await page.evaluate(() => {
    const hook = (window as unknown as { __flowmap?: { editor?: { zoomToFit(): void } } }).__flowmap
    hook?.editor?.zoomToFit()
  })
}

export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}
