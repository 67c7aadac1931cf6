// @vitest-environment happy-dom
/**
 * As-is vs to-be: nothing loads until the section is opened; it offers the board's named versions and
 * this board now, compares the two picked with compareInsights, shows the difference coloured by which
 * side is better, and says which side could not be read.
 */
import {
  analyzeWorkflow,
  compareInsights,
  type Role,
  toWorkflowGraph,
  type WorkflowInsights,
} from '@flowmap/shared'
import { connector, documentRecord, pageRecord, workflowShape } from '@flowmap/shared/testing'
import { act } from 'react'
import { afterEach, expect, test, vi } from 'vitest'
import { CompareSection } from './CompareSection.tsx'
import { type CompareLoader, type CompareSource, NOW_SOURCE } from './compare-sources.ts'
import { byTestId, queryTestId, renderSection, textOf, unmountSection } from './insights-dom.test-support.ts'

afterEach(unmountSection)

const ana: Role = { id: 'role:ana', name: 'Ana', color: '#e8590c', kind: 'person' }

/** start → Work (Ana, process `hours`, accountable as given) → end. */
function insightsOf(hours: number, accountable: string[]): WorkflowInsights {
  const records = [
    documentRecord(),
    pageRecord(),
    workflowShape('event', { id: 'start', props: { kind: 'start', label: 'Start' } }),
    workflowShape('step', {
      id: 'work',
      x: 200,
      props: { label: 'Work', owner: ana.id, estimate: hours, accountable },
    }),
    workflowShape('event', { id: 'end', x: 400, props: { kind: 'end', label: 'End' } }),
    ...connector({ id: 'c1', from: 'start', to: 'work' }),
    ...connector({ id: 'c2', from: 'work', to: 'end' }),
  ]
  return analyzeWorkflow(toWorkflowGraph(records, [ana]))
}

const asIs: CompareSource = { kind: 'version', key: 'version:3:as-is', label: 'Version “as-is”', seq: 3 }
const toBe: CompareSource = { kind: 'version', key: 'version:9:to-be', label: 'Version “to-be”', seq: 9 }
// As-is: 6h of work and nobody accountable; to-be: 2h, Ana accountable.
const byKey: Record<string, WorkflowInsights> = {
  [asIs.key]: insightsOf(6, []),
  [toBe.key]: insightsOf(2, [ana.id]),
  now: insightsOf(2, [ana.id]),
}

function fakeLoader(sources: CompareSource[] = [NOW_SOURCE, asIs, toBe]): CompareLoader & {
  sources: ReturnType<typeof vi.fn>
  insightsOf: ReturnType<typeof vi.fn>
} {
  return {
    sources: vi.fn(async () => ({ ok: true as const, value: sources })),
    insightsOf: vi.fn(async (source: CompareSource) =>
      source.key === 'broken'
        ? { ok: false as const, reason: 'the history could not be loaded' }
        : { ok: true as const, value: byKey[source.key]! },
    ),
  }
}

async function open() {
  const details = byTestId<HTMLDetailsElement>('compare')
  await act(async () => {
    details.open = true
    details.dispatchEvent(new Event('toggle'))
  })
}

async function choose(testId: string, key: string) {
  const select = byTestId<HTMLSelectElement>(testId)
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, key)
    select.dispatchEvent(new Event('change', { bubbles: true }))
  })
}

async function run() {
  await act(async () => byTestId('compare-run').click())
}

test('nothing is loaded until the section is opened; then it offers the versions, as-is first and to-be now', async () => {
  const loader = fakeLoader()
  renderSection(CompareSection, { loader })
  expect(loader.sources).not.toHaveBeenCalled()
  await open()
  expect(loader.sources).toHaveBeenCalledTimes(1)
  const options = [...byTestId<HTMLSelectElement>('compare-before').options].map((option) => option.text)
  expect(options).toEqual(['This board now', 'Version “as-is”', 'Version “to-be”'])
  expect(byTestId<HTMLSelectElement>('compare-before').value).toBe(asIs.key)
  expect(byTestId<HTMLSelectElement>('compare-after').value).toBe('now')
})

test('compares the two picked and shows every metric with its difference, coloured by the better side', async () => {
  const loader = fakeLoader()
  renderSection(CompareSection, { loader })
  await open()
  await choose('compare-after', toBe.key)
  await run()
  expect(loader.insightsOf).toHaveBeenCalledWith(asIs)
  expect(loader.insightsOf).toHaveBeenCalledWith(toBe)

  const expected = compareInsights(byKey[asIs.key]!, byKey[toBe.key]!)
  const rows = [...byTestId('compare-table').querySelectorAll('tbody tr')]
  expect(rows.map((row) => textOf(row.querySelector('th')))).toEqual(expected.map((row) => row.label))
  for (const [at, row] of rows.entries()) {
    expect((row as HTMLElement).dataset.better).toBe(expected[at]!.better ?? undefined)
  }
  // Lead time: 6h → 2h, 4h less, better after.
  const lead = expected.find((row) => row.unit === 'hours' && row.before === 6)!
  const leadRow = byTestId(`compare-${lead.metric}`)
  expect(textOf(leadRow.querySelector('[data-testid="compare-value-before"]'))).toBe('6h')
  expect(textOf(leadRow.querySelector('[data-testid="compare-value-after"]'))).toBe('2h')
  expect(textOf(leadRow.querySelector('[data-testid="compare-delta"]'))).toBe('−4h')
  expect(leadRow.dataset.better).toBe('after')
})

test('a side that cannot be read is named with the reason, and no table is shown', async () => {
  const broken: CompareSource = { kind: 'version', key: 'broken', label: 'Version “lost”', seq: 1 }
  renderSection(CompareSection, { loader: fakeLoader([NOW_SOURCE, broken]) })
  await open()
  await run()
  expect(queryTestId('compare-table')).toBeNull()
  expect(textOf(byTestId('compare'))).toContain(
    'Version “lost” could not be read: the history could not be loaded',
  )
})

test('with no named versions it says how to make one; with no loader it says why it cannot compare', async () => {
  renderSection(CompareSection, { loader: fakeLoader([NOW_SOURCE]) })
  await open()
  expect(textOf(byTestId('compare'))).toContain('Name a version in Replay')
  unmountSection()
  renderSection(CompareSection, { loader: null })
  expect(textOf(byTestId('compare'))).toContain('Comparing needs the board to be on the server.')
})
