// @vitest-environment happy-dom
/**
 * The VSM timeline ladder on a real tldraw Editor holding the value-stream template: a wait rung and
 * a process rung per stage, the totals of valueStream(graph), and new figures once an edit settles.
 */
import { builtInTemplate } from '@flowmap/shared'
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import type { Editor, TLShapeId } from 'tldraw'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createWorkflowEditor } from '../../shapes/workflow-editor.test-support.ts'
import { VsmLadder } from './VsmLadder.tsx'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let editor: Editor
let root: Root

beforeEach(() => {
  vi.useFakeTimers()
  editor = createWorkflowEditor()
  editor.store.put(builtInTemplate('value-stream')!.records.filter((record) => record.typeName !== 'page'))
  root = createRoot(document.body.appendChild(document.createElement('div')))
  act(() => root.render(createElement(VsmLadder, { editor })))
})

afterEach(() => {
  act(() => root.unmount())
  editor.dispose()
  document.body.innerHTML = ''
  vi.useRealTimers()
})

const text = (testId: string) => document.querySelector(`[data-testid="${testId}"]`)?.textContent

test("the ladder shows each stage's wait and process time, and the totals along the longest path", () => {
  const rungs = [...document.querySelectorAll<HTMLElement>('[data-testid="vsm-ladder-rung"]')]
  expect(rungs.map((rung) => `${rung.dataset.kind} ${rung.textContent}`)).toEqual([
    'wait 1 d',
    'process 0.5 h',
    'wait 2 d',
    'process 1 h',
    'wait 3 d',
    'process 6 h',
    'wait 1 d',
    'process 1 h',
    'wait 2 d',
    'process 4 h',
  ])
  // Waits 72 h and process 12.5 h along start → … → Deliver (the rework loop is not the longest path).
  expect(text('vsm-ladder-lead')).toBe('10 d 4.5 h')
  expect(text('vsm-ladder-process')).toBe('1 d 4.5 h')
  expect(text('vsm-ladder-activity-ratio')).toBe('14.8%')
  expect(text('vsm-ladder-rolled-ca')).toBe('71.2%')
})

test('an edit shows in the totals once edits settle', () => {
  act(() => {
    editor.updateShape({ id: 'shape:vsm-deliver' as TLShapeId, type: 'step', props: { wait: 24 } })
  })
  expect(text('vsm-ladder-lead')).toBe('10 d 4.5 h')
  act(() => vi.advanceTimersByTime(300))
  expect(text('vsm-ladder-lead')).toBe('11 d 4.5 h')
})
