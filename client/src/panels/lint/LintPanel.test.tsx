// @vitest-environment happy-dom
/**
 * The Checks panel in a DOM with React, on the board model of a real doc: issues appear and clear as
 * the doc changes (the way remote edits arrive), and switching a rule off is written to the doc for
 * everyone.
 */
import { writeRecords, writeRole } from '@flowmap/shared'
import { connector, documentRecord, pageRecord, workflowShape } from '@flowmap/shared/testing'
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { createBoardModel } from '../../sync/board-model.ts'
import { LintPanel } from './LintPanel.tsx'
import { issuesByShape } from './lint-state.ts'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let root: Root | null = null
afterEach(() => {
  act(() => root?.unmount())
  root = null
  document.body.innerHTML = ''
})

function boardWithOneBranch(): Y.Doc {
  const doc = new Y.Doc()
  writeRole(doc, { id: 'role:ops', name: 'Ops', color: '#3a3', kind: 'team' })
  const owned = { owner: 'role:ops' }
  writeRecords(doc, [
    documentRecord(),
    pageRecord(),
    workflowShape('event', { id: 'start', props: { kind: 'start' } }),
    workflowShape('decision', { id: 'ok', props: { question: 'OK?' } }),
    workflowShape('step', { id: 'ship', props: { label: 'Ship', ...owned } }),
    workflowShape('step', { id: 'fix', props: { label: 'Fix', ...owned } }),
    workflowShape('event', { id: 'end', props: { kind: 'end' } }),
    ...connector({ id: 'c1', from: 'start', to: 'ok' }),
    ...connector({ id: 'yes', from: 'ok', to: 'ship', branch: 'yes' }),
    ...connector({ id: 'c3', from: 'ship', to: 'end' }),
    ...connector({ id: 'c4', from: 'fix', to: 'end' }),
  ])
  return doc
}

const text = (testId: string) => document.querySelector(`[data-testid="${testId}"]`)?.textContent

test('shows a decision with one branch, and clears it when the second branch arrives in the doc', async () => {
  const doc = boardWithOneBranch()
  const model = createBoardModel(doc)
  root = createRoot(document.body.appendChild(document.createElement('div')))
  act(() => root!.render(createElement(LintPanel, { editor: null, model })))
  expect(text('lint-rule-count-decision-without-branches')).toBe('1')
  // Fix is reached by nothing yet: that is the other issue.
  expect(text('lint-rule-count-step-unreachable')).toBe('1')
  expect(text('lint-panel-count')).toBe('2 issues')
  expect([...document.querySelectorAll('[data-testid="lint-issue"]')].map((b) => b.textContent)).toContain(
    'Decision "OK?" has 1 labelled branch: draw at least two outgoing connectors and label each with its answer',
  )

  act(() => writeRecords(doc, connector({ id: 'no', from: 'ok', to: 'fix', branch: 'no' })))
  await vi.waitFor(() => expect(text('lint-panel-count')).toBe('all clear'))
  expect(text('lint-rule-count-decision-without-branches')).toBe('0')
})

test('switching a rule off writes it to the board, and the rule shows off', async () => {
  const doc = boardWithOneBranch()
  const model = createBoardModel(doc)
  root = createRoot(document.body.appendChild(document.createElement('div')))
  act(() => root!.render(createElement(LintPanel, { editor: null, model })))
  const toggle = document.querySelector<HTMLInputElement>(
    '[data-testid="lint-rule-toggle-step-unreachable"]',
  )!
  act(() => toggle.click())
  expect(model.meta.get().disabledLintRules).toEqual(['step-unreachable'])
  await vi.waitFor(() => expect(text('lint-rule-count-step-unreachable')).toBe('off'))
  await vi.waitFor(() => expect(text('lint-panel-count')).toBe('1 issue'))
})

test('a shape named by several issues gets one badge with the worst severity and every message', () => {
  const byShape = issuesByShape([
    { ruleId: 'step-without-owner', severity: 'warning', message: 'no owner', shapeIds: ['shape:a'] },
    { ruleId: 'dependency-cycle', severity: 'error', message: 'cycle', shapeIds: ['shape:a', 'shape:b'] },
  ])
  expect(byShape.get('shape:a')).toEqual({ severity: 'error', messages: ['no owner', 'cycle'] })
  expect(byShape.get('shape:b')).toEqual({ severity: 'error', messages: ['cycle'] })
})
