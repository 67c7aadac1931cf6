// @vitest-environment happy-dom
/**
 * The walk-through's controls on a real tldraw Editor holding the value-stream template: Next moves
 * the token, the decision offers its branches with their probabilities, the elapsed time adds up the
 * waits and process times of the steps passed, Back undoes one move, and the board is never written.
 */
import { builtInTemplate } from '@flowmap/shared'
import { chain, endEvent, flowArrow, startEvent, timedStep } from '@flowmap/shared/testing'
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import type { Editor, TLRecord } from 'tldraw'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { createWorkflowEditor } from '../shapes/workflow-editor.test-support.ts'
import { WalkthroughControls } from './WalkthroughControls.tsx'
import { currentWalkState, startWalkthrough, walkthroughAtom } from './walkthrough-state.ts'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let editor: Editor
let root: Root

function mount(records: readonly TLRecord[]) {
  editor.store.put(records.filter((record) => record.typeName !== 'page'))
  root = createRoot(document.body.appendChild(document.createElement('div')))
  act(() => root.render(createElement(WalkthroughControls, { editor })))
}

beforeEach(() => {
  editor = createWorkflowEditor()
})

afterEach(() => {
  act(() => root.unmount())
  editor.dispose()
  document.body.innerHTML = ''
})

const byTestId = (testId: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)]
const click = (element: HTMLElement) => act(() => element.click())
const elapsed = () => byTestId('walkthrough-elapsed')[0]?.textContent

test('a token walks to the quality decision, takes the chosen branch, and the time adds up', () => {
  mount(builtInTemplate('value-stream')!.records)
  const before = editor.store.allRecords()
  act(() => startWalkthrough(editor))
  expect(elapsed()).toBe('Elapsed 0 h')
  for (let k = 0; k < 10 && byTestId('walkthrough-branch').length === 0; k++)
    click(byTestId('walkthrough-next')[0]!)
  // Waits and process times of Enter (8 + 0.5), Schedule (16 + 1), Build (24 + 6), Inspect (8 + 1).
  expect(elapsed()).toBe('Elapsed 8 d 0.5 h')
  expect(byTestId('walkthrough-branch').map((button) => button.textContent)).toEqual([
    'yes (90%)',
    'no, rework (10%)',
  ])
  click(byTestId('walkthrough-branch')[0]!)
  click(byTestId('walkthrough-next')[0]!) // Deliver: 16 + 4 more
  expect(elapsed()).toBe('Elapsed 10 d 4.5 h')
  expect(byTestId('walkthrough-finished')).toHaveLength(1)
  const state = currentWalkState(walkthroughAtom(editor).get()!)
  expect(state.takenEdgeIds).toContain('shape:vsm-yes')
  expect(state.takenEdgeIds).not.toContain('shape:vsm-no')

  click(byTestId('walkthrough-back')[0]!)
  expect(elapsed()).toBe('Elapsed 8 d 0.5 h')
  click(byTestId('walkthrough-restart')[0]!)
  expect(elapsed()).toBe('Elapsed 0 h')
  click(byTestId('walkthrough-exit')[0]!)
  expect(byTestId('walkthrough-controls')).toHaveLength(0)
  expect(editor.store.allRecords()).toEqual(before)
})

test('a parallel split shows a token per branch, and one held by a dependency says by what', () => {
  // start → a → (b ‖ c) → end, and c depends on b: after a, c waits until b is done.
  mount([
    startEvent(),
    timedStep('a', { estimate: 1 }),
    timedStep('b', { estimate: 2 }),
    timedStep('c', { estimate: 3 }),
    endEvent(),
    ...chain('start', 'a', 'b', 'end'),
    ...chain('a', 'c', 'end'),
    ...flowArrow('b', 'c', { flow: 'dependency' }),
  ])
  act(() => startWalkthrough(editor))
  for (let k = 0; k < 5 && byTestId('walkthrough-token-row').length < 2; k++)
    click(byTestId('walkthrough-next')[0]!)
  const rows = byTestId('walkthrough-token-row')
  expect(rows.map((row) => row.dataset.status).sort()).toEqual(['blocked', 'ready'])
  expect(byTestId('walkthrough-blocked')[0]?.textContent).toBe('Waits for b to be done')
  click(byTestId('walkthrough-next')[0]!) // b is done: c may start
  expect(byTestId('walkthrough-blocked')).toHaveLength(0)
})
