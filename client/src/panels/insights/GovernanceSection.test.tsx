// @vitest-environment happy-dom
/**
 * The governance section: automated share per lane and per path as bars, AI output that reaches an
 * end unreviewed as focusable findings, and the list of where automation could go next.
 */

import { type GovernanceInsights, governanceInsights, type Role, toWorkflowGraph } from '@flowmap/shared'
import { connector, documentRecord, pageRecord, workflowShape } from '@flowmap/shared/testing'
import { afterEach, expect, test, vi } from 'vitest'
import { GovernanceSection } from './GovernanceSection.tsx'
import {
  byTestId,
  click,
  queryTestId,
  renderSection,
  textOf,
  unmountSection,
} from './insights-dom.test-support.ts'

afterEach(unmountSection)

const labels: Record<string, string> = {
  'lane:ops': 'Operations',
  start: 'Request',
  draft: 'Draft',
  send: 'Send',
  end: 'Done',
  intake: 'Intake',
}
const props = (governance: GovernanceInsights, onFocus = vi.fn()) => ({
  governance,
  labelOf: (id: string) => labels[id] ?? '',
  nameOf: (roleId: string) => (roleId === 'role:ana' ? 'Ana' : roleId),
  onFocus,
})

/** Operations: 4 steps, 1 automated + 1 AI agent = 50%; one path with 2 of 3 steps not by hand. */
const governance: GovernanceInsights = {
  byLane: [{ laneId: 'lane:ops', label: 'Operations', steps: 4, automated: 2, aiAgent: 1, share: 0.5 }],
  byPath: [
    {
      nodeIds: ['start', 'intake', 'draft', 'send', 'end'],
      steps: 3,
      automated: 2,
      aiAgent: 1,
      share: 2 / 3,
    },
  ],
  unreviewedAiOutputs: [{ stepId: 'draft', reachesId: 'end' }],
  automationCandidates: [{ stepId: 'intake', process: 6, ownerId: 'role:ana' }],
}

test('shows the automated share of each lane and path, and a click focuses it', () => {
  const onFocus = vi.fn()
  renderSection(GovernanceSection, props(governance, onFocus))
  const rows = [...byTestId('governance').querySelectorAll('.flowmap-bars__row')].map((row) =>
    [...row.children].map((part) => textOf(part)).filter((part) => part !== ''),
  )
  expect(rows).toEqual([
    ['Operations', '2 of 4 · 50%'],
    ['Request → Done', '2 of 3 · 67%'],
  ])
  const [lane, path] = [...byTestId('governance').querySelectorAll<HTMLButtonElement>('.flowmap-bars__label')]
  click(lane!)
  expect(onFocus).toHaveBeenLastCalledWith(['lane:ops'])
  click(path!)
  expect(onFocus).toHaveBeenLastCalledWith(['start', 'intake', 'draft', 'send', 'end'])
})

test('AI output that reaches an end unreviewed is named, and focuses the step and where it ends', () => {
  const onFocus = vi.fn()
  renderSection(GovernanceSection, props(governance, onFocus))
  const finding = byTestId('unreviewed-ai-outputs').querySelector('button')!
  expect(textOf(finding)).toBe('The AI output of Draft reaches Done with no person reviewing it')
  click(finding)
  expect(onFocus).toHaveBeenCalledWith(['draft', 'end'])
})

test('lists where automation could go next with its hands-on time and owner', () => {
  const onFocus = vi.fn()
  renderSection(GovernanceSection, props(governance, onFocus))
  expect(textOf(byTestId('automation-candidates'))).toBe('Intake 6h by hand · Ana')
  click(byTestId('automation-candidates').querySelector('button')!)
  expect(onFocus).toHaveBeenCalledWith(['intake'])
})

test('with nothing to report, says so rather than showing empty lists', () => {
  renderSection(
    GovernanceSection,
    props({ byLane: [], byPath: [], unreviewedAiOutputs: [], automationCandidates: [] }),
  )
  expect(queryTestId('unreviewed-ai-outputs')).toBeNull()
  expect(queryTestId('automation-candidates')).toBeNull()
  expect(textOf(byTestId('governance'))).toContain('No manual step with a process time')
  expect(textOf(byTestId('governance'))).toContain('No lanes and no path from a start to an end yet')
})

test('only the five longest paths are drawn, with a note of how many there are', () => {
  const path = governance.byPath[0]!
  renderSection(GovernanceSection, props({ ...governance, byPath: Array.from({ length: 7 }, () => path) }))
  expect(byTestId('governance').querySelectorAll('.flowmap-bars__row')).toHaveLength(1 + 5)
  expect(textOf(byTestId('governance'))).toContain('The 5 longest of 7 paths.')
})

test("a real map's governance: start → Intake (Ana, by hand, 3h) → Draft (AI agent) → end", () => {
  const ana: Role = { id: 'role:ana', name: 'Ana', color: '#e8590c', kind: 'person' }
  const bot: Role = { id: 'role:bot', name: 'Drafter', color: '#ae3ec9', kind: 'ai-agent' }
  const records = [
    documentRecord(),
    pageRecord(),
    workflowShape('event', { id: 'start', props: { kind: 'start', label: 'Request' } }),
    workflowShape('step', { id: 'intake', x: 200, props: { label: 'Intake', owner: ana.id, estimate: 3 } }),
    workflowShape('step', {
      id: 'draft',
      x: 400,
      props: { label: 'Draft', owner: bot.id, automation: 'ai-agent' },
    }),
    workflowShape('event', { id: 'end', x: 600, props: { kind: 'end', label: 'Done' } }),
    ...connector({ id: 'c1', from: 'start', to: 'intake' }),
    ...connector({ id: 'c2', from: 'intake', to: 'draft' }),
    ...connector({ id: 'c3', from: 'draft', to: 'end' }),
  ]
  const graph = toWorkflowGraph(records, [ana, bot])
  renderSection(GovernanceSection, {
    governance: governanceInsights(graph),
    labelOf: (id: string) => graph.nodeById.get(id)?.label ?? '',
    nameOf: (roleId: string) => graph.roleById.get(roleId)?.name ?? roleId,
    onFocus: () => {},
  })
  // Draft's output goes straight to the end: nobody reviews it. Intake is the manual step to automate.
  expect(textOf(byTestId('unreviewed-ai-outputs'))).toBe(
    'The AI output of Draft reaches Done with no person reviewing it',
  )
  expect(textOf(byTestId('automation-candidates'))).toBe('Intake 3h by hand · Ana')
  // One path, 1 of its 2 steps done by a machine.
  const bar = byTestId('governance').querySelector('.flowmap-bars__value')
  expect(textOf(bar)).toBe('1 of 2 · 50%')
})
