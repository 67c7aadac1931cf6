import { analyzeWorkflow, describeFact, type Role, toWorkflowGraph } from '@flowmap/shared'
import { connector, documentRecord, pageRecord, workflowShape } from '@flowmap/shared/testing'
import { seedBoard } from '../sync-server/src/testing/seed-board.ts'
import { openBoard } from './board/flowmap-page.ts'
import { expect, test } from './fixtures/test.ts'

const ana: Role = { id: 'role:ana', name: 'Ana', color: '#e8590c', kind: 'person' }
const ops: Role = { id: 'role:ops', name: 'Ops', color: '#2f9e44', kind: 'team' }
const bot: Role = { id: 'role:bot', name: 'Drafting agent', color: '#ae3ec9', kind: 'ai-agent' }
const roles = [ana, ops, bot]

/**
 * start → Intake (Ana, 2h) → Route? ─yes→ Draft (agent, 3h) → Review (Ops, 1h) → end
 *                                  └─no──→ Fast path (Ana, 10h) → Auto-send (agent) → end
 */
function seededMap() {
  const step = (id: string, x: number, y: number, label: string, owner: Role, props = {}) =>
    workflowShape('step', { id, x, y, props: { label, owner: owner.id, ...props } })
  return [
    documentRecord(),
    pageRecord(),
    workflowShape('event', { id: 'start', x: 0, y: 200, props: { kind: 'start', label: 'Request' } }),
    step('intake', 160, 170, 'Intake', ana, { estimate: 2, status: 'done', description: 'Log it' }),
    workflowShape('decision', { id: 'route', x: 420, y: 160, props: { question: 'Route?' } }),
    step('draft', 640, 40, 'Draft', bot, { estimate: 3, automation: 'ai-agent', status: 'doing' }),
    step('review', 900, 40, 'Review', ops, { estimate: 1, status: 'blocked' }),
    step('fast', 640, 320, 'Fast path', ana, { estimate: 10 }),
    step('autosend', 900, 320, 'Auto-send', bot, { automation: 'ai-agent' }),
    workflowShape('event', { id: 'end', x: 1160, y: 200, props: { kind: 'end', label: 'Done' } }),
    ...connector({ id: 'c1', from: 'start', to: 'intake' }),
    ...connector({ id: 'c2', from: 'intake', to: 'route' }),
    ...connector({ id: 'c3', from: 'route', to: 'draft', branch: 'yes' }),
    ...connector({ id: 'c4', from: 'route', to: 'fast', branch: 'no' }),
    ...connector({ id: 'c5', from: 'draft', to: 'review' }),
    ...connector({ id: 'c6', from: 'review', to: 'end' }),
    ...connector({ id: 'c7', from: 'fast', to: 'autosend' }),
    ...connector({ id: 'c8', from: 'autosend', to: 'end' }),
    ...connector({ id: 'i1', from: 'draft', to: 'review', flow: 'information' }),
  ]
}

test('the Insights panel shows the four-Cs scorecard of a seeded board, and highlights its critical path', async ({
  page,
  server,
}, testInfo) => {
  const boardId = await seedBoard(server.url, { title: 'Request handling', records: seededMap(), roles })
  // What the panel must show: the same analysis, with the one person who edited the board.
  const expected = analyzeWorkflow(toWorkflowGraph(seededMap(), roles), { contributors: 1 })

  await openBoard(page, boardId)
  await page.getByTestId('sidebar-tab-insights').click()
  const card = page.getByTestId('scorecard')
  for (const score of expected.maturity) {
    const item = card.getByTestId(`score-${score.dimension}`)
    await expect(item.getByTestId('score-value')).toHaveText(String(score.score))
    await expect(item.getByTestId('score-fact')).toHaveText(
      score.facts.map((fact) => new RegExp(`^${escapeRegExp(describeFact(fact))}\\s*${fact.percent}%$`)),
    )
  }
  // People who edited comes from the server's history: one here.
  await expect(card.getByTestId('score-collaboration').getByTestId('score-fact').first()).toContainText(
    'People who edited the map: 1 (4 count as full)',
  )
  await expect(page.getByTestId('critical-path-hours')).toHaveText(String(expected.criticalPath.hours))
  await expect(page.getByTestId('unreviewed-ai-steps')).toContainText('1 AI-agent step has no person')

  await page.getByTestId('critical-path-toggle').click()
  await expect(page.getByTestId('critical-path-highlight').locator('rect')).toHaveCount(
    expected.criticalPath.nodeIds.length,
  )
  const path = testInfo.outputPath('insights-panel.png')
  await page.screenshot({ path })
  await testInfo.attach('insights panel with the critical path', { path, contentType: 'image/png' })

  await page.getByTestId('critical-path-toggle').click()
  await expect(page.getByTestId('critical-path-highlight')).toHaveCount(0)
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
