// @vitest-environment happy-dom
/**
 * The inspector in a DOM with React, on a real tldraw Editor with the workflow shapes: what it shows
 * for the selection, and that editing a field changes the shape the way the field says.
 */
import { MAX_DESCRIPTION_CHARS, MAX_LABEL_CHARS, type Role } from '@flowmap/shared'
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { createShapeId, type Editor, type TLShape, type TLShapeId } from 'tldraw'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createWorkflowEditor } from '../shapes/workflow-editor.test-support.ts'
import { InspectorPanel } from './InspectorPanel.tsx'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const ROLES: Role[] = [
  { id: 'role:ops', name: 'Ops', color: '#2f9e44', kind: 'team' },
  { id: 'role:bot', name: 'Triage bot', color: '#7048e8', kind: 'ai-agent' },
]

let editor: Editor
let root: Root

beforeEach(() => {
  editor = createWorkflowEditor()
  root = createRoot(document.body.appendChild(document.createElement('div')))
  act(() => root.render(createElement(InspectorPanel, { editor, roles: ROLES })))
})

afterEach(() => {
  act(() => root.unmount())
  editor.dispose()
  document.body.innerHTML = ''
})

function create(
  type: 'step' | 'stage' | 'lane' | 'decision',
  props: Record<string, unknown> = {},
): TLShapeId {
  const id = createShapeId()
  act(() => {
    editor.createShape({ id, type, x: 0, y: 0, props } as Parameters<Editor['createShape']>[0])
    editor.select(id)
  })
  return id
}

const field = <E extends HTMLElement>(testId: string) => {
  const element = document.querySelector<E>(`[data-testid="${testId}"]`)
  if (element === null) throw new Error(`no field ${testId} in the inspector`)
  return element
}

/** What a person's typing or picking does to a controlled field: set the value, fire the event. */
function enter(testId: string, value: string) {
  const element = field<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(testId)
  const prototype = Object.getPrototypeOf(element) as object
  act(() => {
    Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(element, value)
    element.dispatchEvent(new Event(element.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }))
  })
}

const props = (id: TLShapeId) => (editor.getShape(id) as TLShape).props as Record<string, unknown>
const labels = () => [...document.querySelectorAll('.flowmap-field__label')].map((label) => label.textContent)

test('a step shows its fields, and each edits its prop', () => {
  const id = create('step', { label: 'Review' })
  expect(document.querySelector('h2')?.textContent).toBe('Step')
  expect(labels()).toEqual([
    'Label',
    'Description',
    'Owner',
    'Status',
    'Automation',
    'Process time (hours)',
    'Wait before (hours)',
    '% complete & accurate (%)',
    'Responsible',
    'Accountable',
    'Consulted',
    'Informed',
  ])
  expect(field<HTMLInputElement>('inspector-label').value).toBe('Review')

  enter('inspector-label', 'Review order')
  enter('inspector-description', 'Check stock and price')
  enter('inspector-owner', 'role:bot')
  enter('inspector-status', 'blocked')
  enter('inspector-automation', 'ai-agent')
  enter('inspector-estimate', '1.5')
  expect(props(id)).toMatchObject({
    label: 'Review order',
    description: 'Check stock and price',
    owner: 'role:bot',
    status: 'blocked',
    automation: 'ai-agent',
    estimate: 1.5,
  })

  // Emptied, the estimate is unknown again; "No owner" is no owner.
  enter('inspector-estimate', '')
  enter('inspector-owner', '')
  expect(props(id)).toMatchObject({ estimate: null, owner: null })
})

test("a stage's order cannot be emptied: it keeps its last number, and nothing invalid is written", () => {
  const id = create('stage', { label: 'Intake', order: 2 })
  expect(labels()).toEqual(['Name', 'Order'])
  enter('inspector-order', '3')
  expect(props(id).order).toBe(3)
  // An order of null would fail the shape's validation: the field must not even try.
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
  const thrown: unknown[] = []
  const onError = (event: ErrorEvent) => thrown.push(event.error)
  window.addEventListener('error', onError)
  try {
    enter('inspector-order', '')
  } finally {
    window.removeEventListener('error', onError)
    errors.mockRestore()
  }
  expect(props(id).order).toBe(3)
  expect(thrown).toEqual([])
  expect(errors).not.toHaveBeenCalled()
})

test("a lane whose role was deleted says so instead of showing 'No role', and can be given one", () => {
  const id = create('lane', { roleId: 'role:gone' })
  const role = field<HTMLSelectElement>('inspector-role')
  expect(role.value).toBe('role:gone')
  expect(role.selectedOptions[0]?.textContent).toBe('Unknown role (deleted?)')
  enter('inspector-role', 'role:ops')
  expect(props(id).roleId).toBe('role:ops')
})

test('several steps edit together, and show Mixed where they differ', () => {
  const a = createShapeId()
  const b = createShapeId()
  act(() => {
    editor.createShapes([
      { id: a, type: 'step', x: 0, y: 0, props: { status: 'todo' } },
      { id: b, type: 'step', x: 300, y: 0, props: { status: 'done' } },
    ])
    editor.select(a, b)
  })
  expect(document.querySelector('h2')?.textContent).toBe('2 shapes')
  expect(field<HTMLSelectElement>('inspector-status').value).toBe('__mixed__')
  enter('inspector-status', 'doing')
  expect([props(a).status, props(b).status]).toEqual(['doing', 'doing'])
})

test('a read-only board shows the fields disabled', () => {
  create('step')
  act(() => editor.updateInstanceState({ isReadonly: true }))
  expect(field<HTMLInputElement>('inspector-label').disabled).toBe(true)
  expect(field<HTMLSelectElement>('inspector-status').disabled).toBe(true)
  expect(document.querySelector('[data-testid="inspector-add-next-step"]')).toBeNull()
})

test("text fields stop at the schema's limits, the same numbers the server refuses beyond", () => {
  create('step', { label: 'Review' })
  expect(field<HTMLInputElement>('inspector-label').maxLength).toBe(MAX_LABEL_CHARS)
  expect(field<HTMLTextAreaElement>('inspector-description').maxLength).toBe(MAX_DESCRIPTION_CHARS)
})

/** Ticks or unticks the role's checkbox in a RACI column. */
function tick(testId: string, roleId: string) {
  const box = field(testId).querySelector<HTMLInputElement>(`input[value="${roleId}"]`)!
  act(() => box.click())
}

test('process time and wait take a range that keeps min <= likely <= max, and % C&A stops at 100', () => {
  const id = create('step', { label: 'Build' })
  expect(field<HTMLInputElement>('inspector-estimate-range').disabled).toBe(true)
  enter('inspector-estimate', '3')
  act(() => field<HTMLInputElement>('inspector-estimate-range').click())
  expect(props(id)).toMatchObject({ estimate: 3, estimateRange: { min: 3, max: 3 } })

  enter('inspector-estimate-max', '1') // below the likely 3: refused, nothing written
  expect(props(id).estimateRange).toEqual({ min: 3, max: 3 })
  enter('inspector-estimate-max', '10')
  enter('inspector-estimate-min', '2')
  expect(props(id)).toMatchObject({ estimate: 3, estimateRange: { min: 2, max: 10 } })
  enter('inspector-estimate', '12') // outside the range: refused
  expect(props(id).estimate).toBe(3)
  enter('inspector-estimate', '')
  expect(props(id)).toMatchObject({ estimate: null, estimateRange: null })

  enter('inspector-wait', '16')
  expect(props(id)).toMatchObject({ wait: 16, waitRange: null })
  enter('inspector-complete-accurate', '120')
  expect(props(id).completeAccurate).toBeNull()
  enter('inspector-complete-accurate', '85')
  expect(props(id).completeAccurate).toBe(85)
})

test('RACI: the owner is shown responsible, and A, C, I tick roles in and out', () => {
  const id = create('step', { owner: 'role:ops' })
  expect(field('inspector-responsible').textContent).toContain('Ops (the owner)')
  tick('inspector-accountable', 'role:ops')
  tick('inspector-consulted', 'role:bot')
  tick('inspector-informed', 'role:bot')
  tick('inspector-informed', 'role:ops')
  expect(props(id)).toMatchObject({
    accountable: ['role:ops'],
    consulted: ['role:bot'],
    informed: ['role:bot', 'role:ops'],
  })
  tick('inspector-informed', 'role:bot')
  expect(props(id).informed).toEqual(['role:ops'])
})

test('a decision edits its accountable role too', () => {
  const id = create('decision', { question: 'Approved?' })
  expect(labels()).toEqual(['Question', 'Responsible', 'Accountable', 'Consulted', 'Informed'])
  tick('inspector-accountable', 'role:ops')
  expect(props(id).accountable).toEqual(['role:ops'])
})

test('an arrow leaving a decision edits its branch probability as a percent, stored 0–1, and can drop it', () => {
  const decision = createShapeId()
  const arrow = createShapeId()
  act(() => {
    editor.createShapes([
      { id: decision, type: 'decision', x: 0, y: 0 },
      { id: arrow, type: 'arrow', x: 200, y: 60, props: { start: { x: 0, y: 0 }, end: { x: 100, y: 0 } } },
    ])
    editor.createBindings([
      {
        type: 'arrow',
        fromId: arrow,
        toId: decision,
        props: { terminal: 'start', normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false },
      },
    ])
    editor.select(arrow)
  })
  const meta = () => (editor.getShape(arrow) as TLShape).meta
  enter('inspector-probability', '35')
  expect(meta().probability).toBe(0.35)
  enter('inspector-probability', '140')
  expect(meta().probability).toBe(0.35)
  enter('inspector-probability', '')
  expect(meta()).not.toHaveProperty('probability')
})
