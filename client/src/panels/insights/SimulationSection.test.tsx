// @vitest-environment happy-dom
/**
 * The simulation section in a DOM with React, on the board model of a real doc (no Worker in this
 * environment, so the run happens on the page through the same code): Run shows the percentiles,
 * the histogram and the utilisation per role; the same seed gives the same figures.
 */
import { type Role, writeRecords, writeRole } from '@flowmap/shared'
import { chain, decisionNode, endEvent, flowArrow, startEvent, timedStep } from '@flowmap/shared/testing'
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, expect, test } from 'vitest'
import * as Y from 'yjs'
import { createBoardModel } from '../../sync/board-model.ts'
import { SimulationSection } from './SimulationSection.tsx'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const desk: Role = { id: 'role:desk', name: 'Desk', color: '#4263eb', kind: 'team', capacity: 2 }

let root: Root | null = null
afterEach(() => {
  act(() => root?.unmount())
  root = null
  document.body.innerHTML = ''
})

/** start → triage (Desk, 1–2–4 h) → ok? ─80 %→ end, ─20 %→ fix (3 h) → end */
function boardModel() {
  const doc = new Y.Doc()
  writeRole(doc, desk)
  writeRecords(doc, [
    startEvent(),
    timedStep('triage', { estimate: 2, estimateRange: { min: 1, max: 4 }, owner: desk.id }),
    decisionNode('ok'),
    timedStep('fix', { estimate: 3 }),
    endEvent(),
    ...chain('start', 'triage', 'ok'),
    ...flowArrow('ok', 'end', { probability: 0.8 }),
    ...flowArrow('ok', 'fix'),
    ...chain('fix', 'end'),
  ])
  return createBoardModel(doc)
}

const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)

async function runOnce(): Promise<string[]> {
  act(() => byTestId('simulation-run')!.click())
  await act(async () => {
    for (let tries = 0; tries < 100 && byTestId('simulation-result') === null; tries++)
      await new Promise((resolve) => setTimeout(resolve, 10))
  })
  return ['p50', 'p85', 'p95', 'mean'].map((key) => byTestId(`simulation-${key}`)!.textContent!)
}

test('Run shows p50, p85, p95, the histogram with its markers and the utilisation per role', async () => {
  root = createRoot(document.body.appendChild(document.createElement('div')))
  act(() => root!.render(createElement(SimulationSection, { model: boardModel() })))
  const first = await runOnce()
  expect(first.every((text) => / h$/.test(text))).toBe(true)
  const histogram = byTestId('simulation-histogram')!
  expect(histogram.querySelectorAll('[data-testid="histogram-bar"]').length).toBeGreaterThan(1)
  for (const key of ['p50', 'p85', 'p95']) expect(byTestId(`histogram-marker-${key}`)).not.toBeNull()
  const role = byTestId('simulation-role')!
  expect(role.querySelector('th')!.textContent).toBe('Desk')
  expect(role.textContent).toContain('%')
  expect(byTestId('simulation-note')!.textContent).toContain('1,000 cases, seed 1')

  // The same seed again: the same figures.
  expect(await runOnce()).toEqual(first)
})

test('a result says so once the map changes after its run', async () => {
  const model = boardModel()
  root = createRoot(document.body.appendChild(document.createElement('div')))
  act(() => root!.render(createElement(SimulationSection, { model })))
  await runOnce()
  expect(byTestId('simulation-stale')).toBeNull()
  act(() => model.writeRole({ ...desk, capacity: 1 }))
  expect(byTestId('simulation-stale')).not.toBeNull()
  await runOnce()
  expect(byTestId('simulation-stale')).toBeNull()
})

test('Cancel stops a long run and shows the cases done so far', async () => {
  root = createRoot(document.body.appendChild(document.createElement('div')))
  act(() => root!.render(createElement(SimulationSection, { model: boardModel() })))
  setInput('simulation-cases', '100000')
  act(() => byTestId('simulation-run')!.click())
  await act(async () => {
    for (let tries = 0; tries < 100 && byTestId('simulation-progress') === null; tries++)
      await new Promise((resolve) => setTimeout(resolve, 5))
  })
  act(() => byTestId('simulation-cancel')!.click())
  await act(async () => {
    for (let tries = 0; tries < 200 && byTestId('simulation-result') === null; tries++)
      await new Promise((resolve) => setTimeout(resolve, 10))
  })
  expect(byTestId('simulation-note')!.textContent).toMatch(/^Cancelled after [\d,]+ of 100,000 cases, seed 1/)
  expect(byTestId('simulation-run')).not.toBeNull()
})

function setInput(testId: string, value: string) {
  const input = byTestId(testId) as HTMLInputElement
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

test('case counts out of range are refused before a run', () => {
  root = createRoot(document.body.appendChild(document.createElement('div')))
  act(() => root!.render(createElement(SimulationSection, { model: boardModel() })))
  setInput('simulation-cases', '5')
  expect((byTestId('simulation-run') as HTMLButtonElement).disabled).toBe(true)
})
