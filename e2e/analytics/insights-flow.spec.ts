/**
 * Issue 17 end to end, on the real server and the built app: a seeded board with step timings and RACI
 * shows its value-stream figures in Insights; a click in the RACI matrix makes a step's missing
 * accountable role and the Checks finding about it go away; and two named versions of the board (before
 * and after that edit) compare side by side.
 */
import { type Role, toWorkflowGraph, valueStream } from '@flowmap/shared'
import { connector, documentRecord, pageRecord, workflowShape } from '@flowmap/shared/testing'
import { seedBoard } from '../../sync-server/src/testing/seed-board.ts'
import { allSaved, openBoard } from '../board/flowmap-page.ts'
import { expect, test } from '../fixtures/test.ts'

const ana: Role = { id: 'role:ana', name: 'Ana', color: '#e8590c', kind: 'person' }
const ops: Role = { id: 'role:ops', name: 'Ops', color: '#2f9e44', kind: 'team' }
const lead: Role = { id: 'role:lead', name: 'Lead', color: '#4263eb', kind: 'person' }
const roles = [ana, ops, lead]

/**
 * Two stages on one path: start → Intake (Ana; wait 1h, process 2h, 90% C&A; Lead accountable) →
 * Build (Ops; wait 4h, process 3h, 80% C&A; nobody accountable) → end.
 * By hand: lead time 1 + 2 + 4 + 3 = 10h, process 5h, wait 5h, activity ratio 5 ÷ 10 = 50%, rolled
 * % C&A 0.9 × 0.8 = 72%, flow efficiency 5 ÷ (5 + 5) = 50%. Stage Intake: lead 3h; Build: lead 7h.
 */
function seededMap() {
  const stage = (id: string, x: number, label: string, order: number) =>
    workflowShape('stage', { id, x, y: 0, props: { label, order, w: 420, h: 360 } })
  return [
    documentRecord(),
    pageRecord(),
    stage('intake-stage', 200, 'Intake', 0),
    stage('build-stage', 660, 'Build', 1),
    workflowShape('event', { id: 'start', x: 0, y: 150, props: { kind: 'start', label: 'Request' } }),
    workflowShape('step', {
      id: 'intake',
      parentId: 'shape:intake-stage',
      x: 100,
      y: 120,
      props: {
        label: 'Intake',
        owner: ana.id,
        wait: 1,
        estimate: 2,
        completeAccurate: 90,
        accountable: [lead.id],
      },
    }),
    workflowShape('step', {
      id: 'build',
      parentId: 'shape:build-stage',
      x: 100,
      y: 120,
      props: { label: 'Build', owner: ops.id, wait: 4, estimate: 3, completeAccurate: 80 },
    }),
    workflowShape('event', { id: 'end', x: 1180, y: 150, props: { kind: 'end', label: 'Done' } }),
    ...connector({ id: 'c1', from: 'start', to: 'intake' }),
    ...connector({ id: 'c2', from: 'intake', to: 'build' }),
    ...connector({ id: 'c3', from: 'build', to: 'end' }),
  ]
}

async function nameVersion(serverUrl: string, boardId: string, name: string): Promise<void> {
  const response = await fetch(`${serverUrl}/api/boards/${boardId}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  })
  expect(response.status, await response.clone().text()).toBe(201)
}

test('value-stream figures, a RACI edit that clears its finding, and two named versions compared', async ({
  page,
  server,
}, testInfo) => {
  const boardId = await seedBoard(server.url, { title: 'Request to build', records: seededMap(), roles })
  await nameVersion(server.url, boardId, 'as-is')
  // The hand-computed answers are the analysis' own.
  const expected = valueStream(toWorkflowGraph(seededMap(), roles))
  expect(expected.total).toMatchObject({ lead: 10, process: 5, wait: 5, rolledCompleteAccurate: 72 })

  await openBoard(page, boardId)
  await page.getByTestId('sidebar-tab-insights').click()
  await expect(page.getByTestId('vs-lead')).toHaveText('10h')
  await expect(page.getByTestId('vs-process')).toHaveText('5h')
  await expect(page.getByTestId('vs-wait')).toHaveText('5h')
  await expect(page.getByTestId('vs-activity-ratio')).toHaveText('50%')
  await expect(page.getByTestId('vs-rolled-ca')).toHaveText('72%')
  await expect(page.getByTestId('vs-flow-efficiency')).toHaveText('50%')
  await expect(page.getByTestId('vs-segment-shape:intake-stage')).toHaveAttribute('title', /lead time 3h/)
  await expect(page.getByTestId('vs-segment-shape:build-stage')).toHaveAttribute('title', /lead time 7h/)
  // A stage's segment selects the stage on the canvas.
  await page.getByTestId('vs-segment-shape:build-stage').click()
  await expect
    .poll(() =>
      page.evaluate(() =>
        (
          window as unknown as { __flowmap: { editor: { getSelectedShapeIds(): string[] } } }
        ).__flowmap.editor.getSelectedShapeIds(),
      ),
    )
    .toEqual(['shape:build-stage'])

  // Build has nobody accountable: the matrix marks the row, and Checks has the finding.
  await expect(page.getByTestId('raci-gap-shape:build')).toHaveText('No A')
  await page.getByTestId('sidebar-tab-checks').click()
  await expect(page.getByTestId('lint-rule-count-raci-accountable-count')).toHaveText('1')

  await page.getByTestId('sidebar-tab-insights').click()
  await page.getByTestId('raci-cell-shape:build-role:lead').click()
  await expect(page.getByTestId('raci-cell-shape:build-role:lead')).toHaveText('A')
  await expect(page.getByTestId('raci-gap-shape:build')).toHaveText('')
  await page.getByTestId('sidebar-tab-checks').click()
  await expect(page.getByTestId('lint-rule-count-raci-accountable-count')).toHaveText('0')
  await allSaved(page)
  await nameVersion(server.url, boardId, 'to-be')

  // As-is vs to-be: the two named versions, the RACI gap gone and the timings unchanged.
  await page.getByTestId('sidebar-tab-insights').click()
  const compare = page.getByTestId('compare')
  await compare.locator('summary').click()
  await compare.getByTestId('compare-before').selectOption({ label: 'Version “as-is”' })
  await compare.getByTestId('compare-after').selectOption({ label: 'Version “to-be”' })
  await compare.getByTestId('compare-run').click()
  const gaps = compare.getByTestId('compare-raci-gaps')
  await expect(gaps.getByTestId('compare-value-before')).toHaveText('1')
  await expect(gaps.getByTestId('compare-value-after')).toHaveText('0')
  await expect(gaps).toHaveAttribute('data-better', 'after')
  const leadTime = compare.getByTestId('compare-lead')
  await expect(leadTime.getByTestId('compare-value-before')).toHaveText('10h')
  await expect(leadTime.getByTestId('compare-delta')).toHaveText('0')

  await compare.getByTestId('compare-table').scrollIntoViewIfNeeded()
  const path = testInfo.outputPath('insights-flow.png')
  await page.screenshot({ path })
  await testInfo.attach('insights: value stream, RACI and as-is vs to-be', { path, contentType: 'image/png' })
})
