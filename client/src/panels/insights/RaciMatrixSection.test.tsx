// @vitest-environment happy-dom
/**
 * The RACI matrix on a real tldraw Editor: cells show the letters the analysis derived, a click steps
 * the role on and writes the shape (the cell shows it at once, before the analysis catches up), the
 * owner's R stays read-only, rows without exactly one accountable role are marked, and a read-only
 * board cannot be edited from here.
 */
import type { RaciMatrix, Role } from '@flowmap/shared'
import { createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createWorkflowEditor } from '../../shapes/workflow-editor.test-support.ts'
import { byTestId, click, renderSection, textOf, unmountSection } from './insights-dom.test-support.ts'
import { MAX_RACI_ROWS, RaciMatrixSection } from './RaciMatrixSection.tsx'

const roles: Role[] = [
  { id: 'role:ana', name: 'Ana', color: '#e8590c', kind: 'person' },
  { id: 'role:ops', name: 'Ops', color: '#2f9e44', kind: 'team' },
]

let editor: Editor
let review: TLShapeId
let approve: TLShapeId
beforeEach(() => {
  editor = createWorkflowEditor()
  review = createShapeId('review')
  approve = createShapeId('approve')
  editor.createShapes([
    {
      id: review,
      type: 'step',
      x: 0,
      y: 0,
      props: { label: 'Review', owner: 'role:ana', informed: ['role:ops'] },
    },
    {
      id: approve,
      type: 'decision',
      x: 300,
      y: 0,
      props: { question: 'Approve?', accountable: ['role:ana', 'role:ops'] },
    },
  ] as Parameters<Editor['createShapes']>[0])
})
afterEach(() => {
  unmountSection()
  editor.dispose()
})

/** What raciMatrix gives for these two shapes: Review is Ana's (R) and informs Ops; Approve has two A. */
const matrix = (): RaciMatrix => ({
  roleIds: ['role:ana', 'role:ops'],
  rows: [
    { nodeId: review, label: 'Review', type: 'step', cells: { 'role:ana': ['R'], 'role:ops': ['I'] } },
    { nodeId: approve, label: 'Approve?', type: 'decision', cells: { 'role:ana': ['A'], 'role:ops': ['A'] } },
  ],
})
const cell = (nodeId: string, roleId: string) => byTestId<HTMLButtonElement>(`raci-cell-${nodeId}-${roleId}`)

test('shows roles across and steps and decisions down, with their letters and gaps', () => {
  renderSection(RaciMatrixSection, { raci: matrix(), roles, editor, onFocus: () => {} })
  const heads = [...byTestId('raci-matrix').querySelectorAll('thead th')].map((th) => textOf(th))
  expect(heads).toEqual(['Step', 'Ana', 'Ops', 'Accountable'])
  expect(textOf(cell(review, 'role:ana'))).toBe('R')
  expect(textOf(cell(review, 'role:ops'))).toBe('I')
  expect(textOf(byTestId(`raci-gap-${review}`))).toBe('No A')
  // Two accountable roles are a gap for a step; a decision only needs one at least (as the checks say).
  expect(textOf(byTestId(`raci-gap-${approve}`))).toBe('')
  expect(byTestId(`raci-row-${approve}`).textContent).toContain('◇ Approve?')
})

test("a click steps the role's letter on, writes the shape, and clears the gap at once", () => {
  renderSection(RaciMatrixSection, { raci: matrix(), roles, editor, onFocus: () => {} })
  click(cell(review, 'role:ops'))
  // I → none
  expect(textOf(cell(review, 'role:ops'))).toBe('')
  expect(editor.getShape(review)!.props).toMatchObject({ accountable: [], consulted: [], informed: [] })
  click(cell(review, 'role:ops'))
  expect(textOf(cell(review, 'role:ops'))).toBe('A')
  expect(editor.getShape(review)!.props).toMatchObject({ accountable: ['role:ops'] })
  expect(byTestId(`raci-row-${review}`).dataset.gap).toBeUndefined()
  expect(textOf(byTestId(`raci-gap-${review}`))).toBe('')
})

test("the owner's R is kept: a click on its cell adds a letter beside it, never removes it", () => {
  renderSection(RaciMatrixSection, { raci: matrix(), roles, editor, onFocus: () => {} })
  click(cell(review, 'role:ana'))
  expect(textOf(cell(review, 'role:ana'))).toBe('RA')
  expect(editor.getShape(review)!.props).toMatchObject({ owner: 'role:ana', accountable: ['role:ana'] })
  expect(document.body.textContent).toContain("R is the step's owner: change it in the inspector")
})

test('what the next analysis says replaces what was shown after the click', () => {
  renderSection(RaciMatrixSection, { raci: matrix(), roles, editor, onFocus: () => {} })
  click(cell(approve, 'role:ops'))
  expect(textOf(cell(approve, 'role:ops'))).toBe('C')
  const next = matrix()
  next.rows[1]!.cells['role:ops'] = ['C']
  next.rows[1]!.label = 'Approve now?'
  renderSection(RaciMatrixSection, { raci: next, roles, editor, onFocus: () => {} })
  expect(textOf(cell(approve, 'role:ops'))).toBe('C')
  expect(byTestId(`raci-row-${approve}`).textContent).toContain('Approve now?')
})

test('a row label focuses its shape', () => {
  const onFocus = vi.fn()
  renderSection(RaciMatrixSection, { raci: matrix(), roles, editor, onFocus })
  click(byTestId(`raci-row-${review}`).querySelector('button')!)
  expect(onFocus).toHaveBeenCalledWith([review])
})

test('on a read-only board, or with no editor, the cells cannot be clicked', () => {
  editor.updateInstanceState({ isReadonly: true })
  renderSection(RaciMatrixSection, { raci: matrix(), roles, editor, onFocus: () => {} })
  expect(cell(review, 'role:ops').disabled).toBe(true)
  renderSection(RaciMatrixSection, { raci: matrix(), roles, editor: null, onFocus: () => {} })
  expect(cell(review, 'role:ops').disabled).toBe(true)
})

test('a step with two accountable roles is marked until one is taken away', () => {
  renderSection(RaciMatrixSection, { raci: matrix(), roles, editor, onFocus: () => {} })
  click(cell(review, 'role:ana'))
  click(cell(review, 'role:ops'))
  click(cell(review, 'role:ops'))
  expect(textOf(byTestId(`raci-gap-${review}`))).toBe('2 A')
  expect(byTestId(`raci-row-${review}`).dataset.gap).toBe('several')
  click(cell(review, 'role:ops'))
  expect(textOf(byTestId(`raci-gap-${review}`))).toBe('')
})

test('a large map draws the first rows only, and says how many there are', () => {
  const row = matrix().rows[0]!
  const rows = Array.from({ length: MAX_RACI_ROWS + 5 }, (_, at) => ({ ...row, nodeId: `shape:s${at}` }))
  renderSection(RaciMatrixSection, { raci: { ...matrix(), rows }, roles, editor, onFocus: () => {} })
  expect(byTestId('raci-matrix').querySelectorAll('tbody tr')).toHaveLength(MAX_RACI_ROWS)
  expect(textOf(byTestId('raci-more'))).toBe(
    `The first ${MAX_RACI_ROWS} of ${MAX_RACI_ROWS + 5} steps and decisions; Checks lists every RACI gap.`,
  )
})
