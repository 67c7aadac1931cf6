import type { Page } from '@playwright/test'
import {
  allSent,
  boardIdOf,
  canvasPoint,
  clickAt,
  documentRecords,
  openNewBoard,
  shapesOf,
  waitForBoard,
} from '../board/flowmap-page.ts'
import { expect, test } from '../fixtures/test.ts'
import {
  type FixtureFile,
  fixtureFile,
  flowNodes,
  historyEntries,
  labelOf,
  pasteText,
} from './interop-page.ts'

async function importThroughMenu(page: Page, entry: 'bpmn' | 'mermaid' | 'json', file: FixtureFile) {
  await page.getByTestId('import-button').click()
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId(`import-${entry}`).click(),
  ])
  await chooser.setFiles({ name: file.name, mimeType: file.type, buffer: Buffer.from(file.text) })
}

test('Import → BPMN 2.0 puts the file on the board and shows the report, which Copy puts on the clipboard', async ({
  page,
  context,
}, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await openNewBoard(page)
  await importThroughMenu(page, 'bpmn', fixtureFile('expense-approval-no-di.bpmn', 'application/xml'))

  const report = page.getByTestId('import-report')
  await expect(report).toHaveAttribute('data-outcome', 'imported')
  await expect(report.getByRole('heading')).toHaveText(
    /^Imported \d+ elements from BPMN \(written by Camunda Modeler 5\.31\.0\)$/,
  )
  await expect(report.getByTestId('import-report-lines').locator('li').first()).toBeVisible()
  await report.getByTestId('import-report-copy').click()
  await expect(report.getByText('Copied')).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toMatch(/^Imported \d+ elements from BPMN \(written by Camunda Modeler 5\.31\.0\)\n- /)
  await page.screenshot({ path: testInfo.outputPath('interop-import-report.png') })
  await report.getByTestId('import-report-close').click()

  expect(flowNodes(await shapesOf(page))).toHaveLength(7)
  expect((await shapesOf(page)).filter((shape) => shape.type === 'lane')).toHaveLength(2)
})

test('an import is one history entry of the person importing, and one Ctrl+Z takes all of it back', async ({
  page,
}) => {
  const boardId = await openNewBoard(page)
  const before = await documentRecords(page)
  await allSent(page)
  const entriesBefore = await historyEntries(page, boardId)
  await importThroughMenu(page, 'bpmn', fixtureFile('expense-approval-no-di.bpmn', 'application/xml'))
  await page.getByTestId('import-report-close').click()
  const imported = await shapesOf(page)
  expect(imported.length).toBeGreaterThan(10)
  await allSent(page)
  const entries = await historyEntries(page, boardId)
  expect(entries).toHaveLength(entriesBefore.length + 1)
  // Credited to this page's person (local mode: the person this browser declares), as any edit is.
  expect(entries.at(-1)?.userId).toMatch(/^local:/)

  // A click on the board first, as a person does to get back to it (a click that selects is no undo step).
  await clickAt(page, await canvasPoint(page, 0.6, 0.45))
  await page.keyboard.press('ControlOrMeta+z')
  await expect.poll(async () => (await shapesOf(page)).length).toBe(0)
  expect(await documentRecords(page)).toEqual(before)
  await page.keyboard.press('ControlOrMeta+Shift+z')
  await expect.poll(async () => (await shapesOf(page)).length).toBe(imported.length)
})

test('a file the import refuses shows its sentence in the same dialog, and nothing is written', async ({
  page,
}) => {
  await openNewBoard(page)
  const before = await documentRecords(page)
  const notBpmn = {
    name: 'drawing.bpmn',
    type: 'application/xml',
    text: '<svg xmlns="http://www.w3.org/2000/svg"/>',
  }
  await importThroughMenu(page, 'bpmn', notBpmn)
  const report = page.getByTestId('import-report')
  await expect(report).toHaveAttribute('data-outcome', 'refused')
  await expect(report.getByRole('heading')).toHaveText('Nothing was imported')
  await expect(report.getByTestId('import-refusal')).toContainText('Drawing.bpmn was not imported: ')
  await expect(report.getByTestId('import-report-copy')).toHaveCount(0)
  await report.getByTestId('import-report-close').click()
  expect(await documentRecords(page)).toEqual(before)
})

test('Mermaid text pasted onto the board becomes steps, a decision and connectors, not a text shape', async ({
  page,
}, testInfo) => {
  await openNewBoard(page)
  await clickAt(page, await canvasPoint(page, 0.5, 0.5))
  await pasteText(page, fixtureFile('order-flow.mmd').text)
  const report = page.getByTestId('import-report')
  await expect(report).toHaveAttribute('data-outcome', 'imported')
  await report.getByTestId('import-report-close').click()

  const shapes = await shapesOf(page)
  expect(shapes.filter((shape) => shape.type === 'text')).toHaveLength(0)
  expect(shapes.filter((shape) => shape.type === 'step').map((shape) => shape.props.label)).toEqual(
    expect.arrayContaining(['Ship order', 'Reorder stock']),
  )
  expect(shapes.filter((shape) => shape.type === 'decision').map(labelOf)).toEqual(['In stock?'])
  expect(shapes.filter((shape) => shape.type === 'arrow')).toHaveLength(5)
  // The whole pasted flow in the picture (it is centred where it was pasted, wider than the view).
  await page.evaluate(() => {
    const hook = window as unknown as { __flowmap: { editor: { zoomToFit(options: object): void } } }
    hook.__flowmap.editor.zoomToFit({ immediate: true })
  })
  await page.screenshot({ path: testInfo.outputPath('interop-pasted-mermaid.png') })

  // Other text still pastes as tldraw's own text shape.
  await pasteText(page, 'Just a reminder')
  await expect
    .poll(async () => (await shapesOf(page)).filter((shape) => shape.type === 'text').length)
    .toBe(1)
})

test('Import → JSON… reads a board’s own export back into it as new shapes (fresh ids) and its roles matched', async ({
  page,
}) => {
  await page.goto('/new?template=approval')
  await page.waitForURL(/\/b\//)
  await waitForBoard(page)
  const boardId = boardIdOf(page)
  await allSent(page)
  const before = await shapesOf(page)
  const exported = await page.request.get(`/api/boards/${boardId}/export.json`)
  expect(exported.ok()).toBe(true)
  const roleCount = () =>
    page.evaluate(
      () =>
        (
          window as unknown as { __flowmap: { doc: { getMap(name: string): Map<string, unknown> } } }
        ).__flowmap.doc.getMap('roles').size,
    )
  const rolesBefore = await roleCount()
  await importThroughMenu(page, 'json', {
    name: 'approval.json',
    type: 'application/json',
    text: await exported.text(),
  })
  const report = page.getByTestId('import-report')
  await expect(report).toHaveAttribute('data-outcome', 'imported')
  await expect(report.getByRole('heading')).toContainText('from JSON')
  await report.getByTestId('import-report-close').click()

  const after = await shapesOf(page)
  expect(after).toHaveLength(before.length * 2)
  // The board's shapes are untouched; the import's are new ones.
  for (const shape of before) expect(after.find((other) => other.id === shape.id)).toEqual(shape)
  // Its roles are the board's roles (same names): none is added twice.
  expect(await roleCount()).toBe(rolesBefore)
})
