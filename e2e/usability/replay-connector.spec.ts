/**
 * Issue 12, point 7 in replay: replay draws connectors as the board does (our ConnectorShapeUtil),
 * so a branch label is set in the board's font beside its line, not in tldraw's hand-drawn face on it.
 */
import type { Role, writeRecords } from '@flowmap/shared'
import { connector, documentRecord, pageRecord, workflowShape } from '@flowmap/shared/testing'
import { seedBoard } from '../../sync-server/src/testing/seed-board.ts'
import { openBoard } from '../board/flowmap-page.ts'
import { expect, test } from '../fixtures/test.ts'

const ana: Role = { id: 'role:ana', name: 'Ana', color: '#e8590c', kind: 'person' }

function decisionMap(): Parameters<typeof writeRecords>[1] {
  const step = (id: string, x: number, y: number, label: string) =>
    workflowShape('step', { id, x, y, props: { label, owner: ana.id } })
  return [
    documentRecord(),
    pageRecord(),
    workflowShape('event', { id: 'start', x: 0, y: 130, props: { kind: 'start', label: 'Hired' } }),
    workflowShape('decision', { id: 'remote', x: 200, y: 110, props: { question: 'Remote?' } }),
    step('laptop', 520, 0, 'Ship a laptop'),
    step('desk', 520, 260, 'Book a desk'),
    workflowShape('event', { id: 'end', x: 820, y: 130, props: { kind: 'end', label: 'Day one' } }),
    ...connector({ id: 'c1', from: 'start', to: 'remote' }),
    ...connector({ id: 'c2', from: 'remote', to: 'laptop', branch: 'yes', text: 'yes' }),
    ...connector({ id: 'c3', from: 'remote', to: 'desk', branch: 'no', text: 'no' }),
    ...connector({ id: 'c4', from: 'laptop', to: 'end' }),
    ...connector({ id: 'c5', from: 'desk', to: 'end' }),
  ]
}

test.use({ viewport: { width: 1280, height: 800 } })

test("replay draws connector labels as the board does: the board's font, beside the line", async ({
  page,
  server,
}, testInfo) => {
  const boardId = await seedBoard(server.url, {
    title: 'Remote onboarding',
    records: decisionMap(),
    roles: [ana],
  })
  await openBoard(page, boardId)
  await page.getByTestId('replay.open').click()
  await expect(page.getByTestId('replay.scrubber')).toBeVisible({ timeout: 30_000 })

  const canvas = page.getByTestId('replay.canvas')
  const label = canvas.locator('[data-shape-type="arrow"] .tl-rich-text').filter({ hasText: /^yes$/ })
  await expect(label).toBeVisible({ timeout: 30_000 })
  // Our connector wraps tldraw's arrow and moves its label off the line by an offset it sets.
  const connector = canvas
    .locator('.flowmap-connector')
    .filter({ has: page.locator('.tl-rich-text', { hasText: /^yes$/ }) })
  await expect(connector).toHaveCount(1)
  const offset = await connector.evaluate((element) => {
    const style = (element as HTMLElement).style
    return [style.getPropertyValue('--flowmap-label-dx'), style.getPropertyValue('--flowmap-label-dy')]
  })
  expect(offset, 'the label is moved beside its line').not.toEqual(['0px', '0px'])

  const fontOf = (element: Element) => getComputedStyle(element).fontFamily
  const labelFont = await label.evaluate(fontOf)
  expect(labelFont).not.toMatch(/tldraw_draw|shantell/i)
  expect(labelFont).toBe(await canvas.locator('.flowmap-step__label').first().evaluate(fontOf))

  const path = testInfo.outputPath('replay-connector-label.png')
  await page.screenshot({ path })
  await testInfo.attach('replay: connector label', { path, contentType: 'image/png' })
})
