import { boardToBpmn } from '@flowmap/shared'
import { generateWorkflowMap } from '@flowmap/shared/testing'
import { allSent, openNewBoard } from '../board/flowmap-page.ts'
import { expect, test } from '../fixtures/test.ts'
import { historyEntries } from './interop-page.ts'

/**
 * Issue 14: an import of thousands of elements shows progress and does not freeze the page. 2,000 flow
 * nodes with their connectors, lanes and stages make about 9,200 records: a Yjs update of about 4.5 MB,
 * inside the server's 8 MiB message limit, so the import stays one update and one history entry.
 */
test('a BPMN file of 2,000 flow nodes imports with a progress line, the page answering all along, as one history entry', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const map = generateWorkflowMap({ nodes: 2000, edges: 2400 })
  const xml = await boardToBpmn({ title: 'Big process', roles: map.roles, records: map.records })
  const boardId = await openNewBoard(page)
  await allSent(page)
  const entriesBefore = (await historyEntries(page, boardId)).length

  // Every text the progress line shows, recorded in the page as it changes: each state may last less than
  // a poll, so the spec reads what the page went through rather than catching it live. Each recorded
  // text is a render the page made while the import ran: a frozen page would record none between them.
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { __progressSeen: string[] }).__progressSeen = seen
    const record = () => {
      const text = document.querySelector('[data-testid="import-progress"]')?.textContent ?? null
      if (text !== null && text !== seen.at(-1)) seen.push(text)
    }
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    })
  })
  await page.getByTestId('import-button').click()
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('import-bpmn').click(),
  ])
  await chooser.setFiles({ name: 'big.bpmn', mimeType: 'application/xml', buffer: Buffer.from(xml) })

  const report = page.getByTestId('import-report')
  await expect(report).toHaveAttribute('data-outcome', 'imported', { timeout: 120_000 })
  await expect(report.getByRole('heading')).toContainText('from BPMN (written by Flowmap')
  await report.getByTestId('import-report-close').click()
  const seen = await page.evaluate(() => (window as unknown as { __progressSeen: string[] }).__progressSeen)
  expect(seen[0]).toBe('Importing big.bpmn…')
  expect(seen.filter((text) => /^Placing [\d,]+ of 9,\d{3}$/.test(text)).length).toBeGreaterThan(0)

  const shapeCount = await page.evaluate(
    () =>
      (
        window as unknown as { __flowmap: { editor: { getCurrentPageShapeIds(): Set<string> } } }
      ).__flowmap.editor.getCurrentPageShapeIds().size,
  )
  expect(shapeCount).toBeGreaterThan(4000)
  // The import is one 4.5 MB update, validated and stored before the server acknowledges it: on a loaded
  // 2-core machine that took longer than the default 30 s (seen in CI).
  await allSent(page, 90_000)
  expect((await historyEntries(page, boardId)).length).toBe(entriesBefore + 1)
})
