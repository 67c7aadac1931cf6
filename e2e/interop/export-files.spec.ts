import { readFileSync } from 'node:fs'
import { detectImportFormat, importBoardFile } from '@flowmap/shared'
import type { Page } from '@playwright/test'
import {
  type ShapeSummary,
  shapesOf,
  waitForBoard,
  waitForServiceWorkerControl,
} from '../board/flowmap-page.ts'
import { expect, test, WITH_SERVICE_WORKER } from '../fixtures/test.ts'
import { labelOf } from './interop-page.ts'

test.use(WITH_SERVICE_WORKER)

async function download(page: Page, entry: 'export-bpmn' | 'export-mermaid') {
  await page.getByTestId('export-button').click()
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(entry).click()])
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') }
}

test('Export → BPMN 2.0 and Mermaid download files, named after the board, that read back into the same steps, offline too', async ({
  page,
  context,
}) => {
  await page.goto('/new?template=approval&title=Order%20flow')
  await page.waitForURL(/\/b\//)
  await waitForBoard(page)
  const labels = (await shapesOf(page))
    .filter((shape) => shape.type === 'step' || shape.type === 'decision')
    .map(labelOf)
    .sort()

  // Made in the browser from the board: no server needed. Offline as a person is: the app (the
  // converters' chunk too) served by the service worker from its cache.
  await waitForServiceWorkerControl(page)
  await context.setOffline(true)
  const bpmn = await download(page, 'export-bpmn')
  expect(bpmn.name).toBe('Order flow.bpmn')
  // Read back through the import (bpmn-moddle, the parser behind bpmn.io, underneath).
  const fromBpmn = await importBoardFile(bpmn)
  expect(fromBpmn.ok).toBe(true)

  const mermaid = await download(page, 'export-mermaid')
  expect(mermaid.name).toBe('Order flow.mmd')
  expect(detectImportFormat({ name: '', text: mermaid.text })).toBe('mermaid')
  const fromMermaid = await importBoardFile(mermaid)
  expect(fromMermaid.ok).toBe(true)

  for (const result of [fromBpmn, fromMermaid]) {
    if (!result.ok) continue
    const read = result.content.records
      .filter(
        (record) => record.typeName === 'shape' && (record.type === 'step' || record.type === 'decision'),
      )
      .map((record) => labelOf(record as unknown as ShapeSummary))
      .sort()
    expect(read).toEqual(labels)
  }
})
