import { flowModel, type Role, runLeadTimeSimulation, toWorkflowGraph } from '@flowmap/shared'
import { connector, documentRecord, pageRecord, workflowShape } from '@flowmap/shared/testing'
import { seedBoard } from '../../sync-server/src/testing/seed-board.ts'
import { openBoard } from '../board/flowmap-page.ts'
import { expect, test } from '../fixtures/test.ts'

const desk: Role = { id: 'role:desk', name: 'Service desk', color: '#4263eb', kind: 'team', capacity: 2 }
const legal: Role = { id: 'role:legal', name: 'Legal', color: '#e8590c', kind: 'person' }
const roles = [desk, legal]

/** A board record (tldraw's TLRecord, named without importing tldraw into the e2e package). */
type TLRecord = ReturnType<typeof connector>[number]

/**
 * start → Triage (desk, 1–2–4 h, wait 0–1–3 h) → Needs legal? ─30 %→ Legal review (legal, 2–4–8 h) → Reply
 *                                                           └─70 %→ Reply (desk, 1 h) → end
 */
function seededMap(): TLRecord[] {
  const withProbability = (records: TLRecord[], probability: number) => {
    const [arrow, ...bindings] = records
    return [{ ...arrow!, meta: { ...arrow!.meta, probability } } as TLRecord, ...bindings]
  }
  return [
    documentRecord(),
    pageRecord(),
    workflowShape('event', { id: 'start', x: 0, y: 200, props: { kind: 'start', label: 'Request' } }),
    workflowShape('step', {
      id: 'triage',
      x: 160,
      y: 170,
      props: {
        label: 'Triage',
        owner: desk.id,
        estimate: 2,
        estimateRange: { min: 1, max: 4 },
        wait: 1,
        waitRange: { min: 0, max: 3 },
      },
    }),
    workflowShape('decision', { id: 'legal?', x: 420, y: 160, props: { question: 'Needs legal?' } }),
    workflowShape('step', {
      id: 'review',
      x: 640,
      y: 40,
      props: { label: 'Legal review', owner: legal.id, estimate: 4, estimateRange: { min: 2, max: 8 } },
    }),
    workflowShape('step', {
      id: 'reply',
      x: 900,
      y: 170,
      props: { label: 'Reply', owner: desk.id, estimate: 1 },
    }),
    workflowShape('event', { id: 'end', x: 1160, y: 200, props: { kind: 'end', label: 'Answered' } }),
    ...connector({ id: 'c1', from: 'start', to: 'triage' }),
    ...connector({ id: 'c2', from: 'triage', to: 'legal?' }),
    ...withProbability(connector({ id: 'c3', from: 'legal?', to: 'review', branch: 'yes' }), 0.3),
    ...connector({ id: 'c4', from: 'legal?', to: 'reply', branch: 'no' }),
    ...connector({ id: 'c5', from: 'review', to: 'reply' }),
    ...connector({ id: 'c6', from: 'reply', to: 'end' }),
  ]
}

/** The panel's way of writing hours (SimulationSection.tsx). */
const hours = (value: number) => `${value >= 100 ? Math.round(value) : Math.round(value * 10) / 10} h`

test('a simulation run on a seeded board shows the histogram and the percentiles the engine computes for that seed', async ({
  page,
  server,
}, testInfo) => {
  const boardId = await seedBoard(server.url, { title: 'Service requests', records: seededMap(), roles })
  // What the panel must show: the same run, same map, same seed, computed here.
  const expected = runLeadTimeSimulation(flowModel(toWorkflowGraph(seededMap(), roles)), {
    cases: 2000,
    seed: 7,
  })

  await openBoard(page, boardId)
  await page.getByTestId('sidebar-tab-insights').click()
  const section = page.getByTestId('simulation')
  await section.scrollIntoViewIfNeeded()
  await section.getByTestId('simulation-cases').fill('2000')
  await section.getByTestId('simulation-seed').fill('7')
  // The run happens in the simulation's Web Worker, not on the page.
  const worker = page.waitForEvent('worker', (started) => started.url().includes('simulation-worker'))
  await section.getByTestId('simulation-run').click()
  await worker

  await expect(section.getByTestId('simulation-result')).toBeVisible()
  await expect(section.getByTestId('simulation-p50')).toHaveText(hours(expected.p50!))
  await expect(section.getByTestId('simulation-p85')).toHaveText(hours(expected.p85!))
  await expect(section.getByTestId('simulation-p95')).toHaveText(hours(expected.p95!))
  await expect(section.getByTestId('simulation-mean')).toHaveText(hours(expected.mean!))
  const histogram = section.getByTestId('simulation-histogram')
  await expect(histogram.getByTestId('histogram-bar')).toHaveCount(expected.histogram.length)
  for (const key of ['p50', 'p85', 'p95'])
    await expect(histogram.getByTestId(`histogram-marker-${key}`)).toHaveCount(1)
  await expect(section.getByTestId('simulation-role')).toHaveText([/^Service desk/, /^Legal/])
  await expect(section.getByTestId('simulation-note')).toContainText('2,000 cases, seed 7')

  const path = testInfo.outputPath('simulation.png')
  await section.screenshot({ path })
  await testInfo.attach('Monte Carlo lead time', { path, contentType: 'image/png' })
})
