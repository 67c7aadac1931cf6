// @vitest-environment happy-dom
/**
 * The value-stream section: the map's figures as the analysis gives them, the note about steps on the
 * path with no process time, and a timeline whose segments are as wide as their stage's lead time.
 */

import { type Role, toWorkflowGraph, type ValueStreamMetrics, valueStream } from '@flowmap/shared'
import { connector, documentRecord, pageRecord, workflowShape } from '@flowmap/shared/testing'
import { afterEach, expect, test, vi } from 'vitest'
import {
  byTestId,
  click,
  queryTestId,
  renderSection,
  textOf,
  unmountSection,
} from './insights-dom.test-support.ts'
import { ValueStreamSection } from './ValueStreamSection.tsx'

afterEach(unmountSection)

/**
 * Two stages on one path: Intake (wait 2h + process 1h = lead 3h, 90% C&A) and Build (wait 6h +
 * process 3h = lead 9h, 50% C&A); lead 12h, process 4h, activity ratio 4 ÷ 12 = 1/3, rolled
 * 0.9 × 0.5 = 45%; a third stage Ship with no time yet; one step on the path not estimated.
 */
const metrics: ValueStreamMetrics = {
  steps: [],
  stages: [
    {
      stageId: 'stage:intake',
      label: 'Intake',
      order: 0,
      process: 1,
      wait: 2,
      lead: 3,
      completeAccurate: 90,
    },
    { stageId: 'stage:build', label: 'Build', order: 1, process: 3, wait: 6, lead: 9, completeAccurate: 50 },
    { stageId: 'stage:ship', label: 'Ship', order: 2, process: 0, wait: 0, lead: 0, completeAccurate: null },
  ],
  pathNodeIds: ['start', 'a', 'b', 'c', 'end'],
  total: {
    lead: 12,
    process: 4,
    wait: 8,
    activityRatio: 4 / 12,
    rolledCompleteAccurate: 45,
    flowEfficiency: 0.4,
  },
  unestimatedStepIds: ['c'],
}

test("shows the map's lead time, process time, wait, activity ratio, rolled % C&A and flow efficiency", () => {
  renderSection(ValueStreamSection, { valueStream: metrics, onFocus: () => {} })
  // Hours as the canvas writes them: a working day is eight hours.
  expect(textOf(byTestId('vs-lead'))).toBe('1.5d')
  expect(textOf(byTestId('vs-process'))).toBe('4h')
  expect(textOf(byTestId('vs-wait'))).toBe('1d')
  expect(textOf(byTestId('vs-activity-ratio'))).toBe('33%')
  expect(textOf(byTestId('vs-rolled-ca'))).toBe('45%')
  expect(textOf(byTestId('vs-flow-efficiency'))).toBe('40%')
})

test('figures the map cannot tell show a dash, never a made-up zero', () => {
  renderSection(ValueStreamSection, {
    valueStream: {
      ...metrics,
      total: { ...metrics.total, activityRatio: null, rolledCompleteAccurate: null, flowEfficiency: null },
    },
    onFocus: () => {},
  })
  expect(textOf(byTestId('vs-activity-ratio'))).toBe('—')
  expect(textOf(byTestId('vs-rolled-ca'))).toBe('—')
  expect(textOf(byTestId('vs-flow-efficiency'))).toBe('—')
})

test('says how many steps on the path have no process time, and a click focuses them', () => {
  const onFocus = vi.fn()
  renderSection(ValueStreamSection, {
    valueStream: { ...metrics, unestimatedStepIds: ['a', 'b', 'c'] },
    onFocus,
  })
  expect(textOf(byTestId('vs-unestimated'))).toBe('3 steps on the path have no process time')
  click(byTestId('vs-unestimated'))
  expect(onFocus).toHaveBeenCalledWith(['a', 'b', 'c'])

  renderSection(ValueStreamSection, { valueStream: { ...metrics, unestimatedStepIds: [] }, onFocus })
  expect(queryTestId('vs-unestimated')).toBeNull()
})

test('each stage is a segment as wide as its lead time, its wait part before its process part', () => {
  const onFocus = vi.fn()
  renderSection(ValueStreamSection, { valueStream: metrics, onFocus })
  const intake = byTestId('vs-segment-stage:intake')
  const build = byTestId('vs-segment-stage:build')
  // Widths share the bar by lead time: 3 to 9.
  expect(intake.parentElement!.style.flexGrow).toBe('3')
  expect(build.parentElement!.style.flexGrow).toBe('9')
  // Build: wait 6 of 9 hatched, then process 3 of 9 solid.
  const [wait, work] = [...build.children] as HTMLElement[]
  expect(wait!.className).toBe('flowmap-value-stream__wait')
  expect(Number.parseFloat(wait!.style.width)).toBeCloseTo((6 / 9) * 100)
  expect(work!.className).toBe('flowmap-value-stream__process')
  expect(Number.parseFloat(work!.style.width)).toBeCloseTo((3 / 9) * 100)
  expect(build.title).toBe('Build: lead time 9h · wait 6h, process time 3h · % C&A 50%')
  // A stage with no time takes no width, and is still listed with its figures.
  expect(queryTestId('vs-segment-stage:ship')).toBeNull()
  const cells = [...byTestId('vs-stage-stage:ship').children].map((cell) => textOf(cell))
  expect(cells).toEqual(['Ship', '0h', '0h', '0h', '—'])

  click(build)
  expect(onFocus).toHaveBeenCalledWith(['stage:build'])
})

test('a map with no path from start to end says so instead of figures', () => {
  renderSection(ValueStreamSection, {
    valueStream: { ...metrics, pathNodeIds: [], stages: [] },
    onFocus: () => {},
  })
  expect(queryTestId('value-stream')).toBeNull()
  expect(document.body.textContent).toContain('No path from a start to an end yet.')
})

test("a real map's analysis reads as hand-computed: start → A (wait 1h, 2h, 90%) → B (wait 3h, 2h, 50%) → end", () => {
  const ana: Role = { id: 'role:ana', name: 'Ana', color: '#e8590c', kind: 'person' }
  const step = (id: string, x: number, props: object) =>
    workflowShape('step', { id, x, props: { label: id, owner: ana.id, ...props } })
  const records = [
    documentRecord(),
    pageRecord(),
    workflowShape('event', { id: 'start', props: { kind: 'start', label: 'Start' } }),
    step('a', 200, { wait: 1, estimate: 2, completeAccurate: 90 }),
    step('b', 400, { wait: 3, estimate: 2, completeAccurate: 50 }),
    workflowShape('event', { id: 'end', x: 600, props: { kind: 'end', label: 'End' } }),
    ...connector({ id: 'c1', from: 'start', to: 'a' }),
    ...connector({ id: 'c2', from: 'a', to: 'b' }),
    ...connector({ id: 'c3', from: 'b', to: 'end' }),
  ]
  renderSection(ValueStreamSection, {
    valueStream: valueStream(toWorkflowGraph(records, [ana])),
    onFocus: () => {},
  })
  // Lead 1 + 2 + 3 + 2 = 8h ("1d"), process 4h, wait 4h, ratio 4 ÷ 8, rolled 0.9 × 0.5, efficiency 4 ÷ 8.
  expect(textOf(byTestId('vs-lead'))).toBe('1d')
  expect(textOf(byTestId('vs-process'))).toBe('4h')
  expect(textOf(byTestId('vs-wait'))).toBe('4h')
  expect(textOf(byTestId('vs-activity-ratio'))).toBe('50%')
  expect(textOf(byTestId('vs-rolled-ca'))).toBe('45%')
  expect(textOf(byTestId('vs-flow-efficiency'))).toBe('50%')
  expect(queryTestId('vs-unestimated')).toBeNull()
})
