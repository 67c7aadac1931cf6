// @vitest-environment happy-dom
/**
 * A click on a RACI cell: the letter cycle (none → A → C → I → none) as a pure function, and the write
 * through the editor the inspector uses (validated, one undo step, refused on a read-only board).
 */
import { MAX_RACI_ROLES } from '@flowmap/shared'
import { createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { createWorkflowEditor } from '../../shapes/workflow-editor.test-support.ts'
import { cycleRaciCell, cycleRaciLetter, type RaciLists, raciLetterOf } from './raci-cell-edit.ts'

const empty: RaciLists = { accountable: [], consulted: [], informed: [] }

test('a role steps through none → A → C → I → none, and stays in one list at a time', () => {
  const seen: (string | null)[] = []
  let lists = empty
  for (let click = 0; click < 4; click++) {
    lists = cycleRaciLetter(lists, 'role:ops')
    seen.push(raciLetterOf(lists, 'role:ops'))
    const memberships = [lists.accountable, lists.consulted, lists.informed].filter((list) =>
      list.includes('role:ops'),
    )
    expect(memberships.length).toBeLessThanOrEqual(1)
  }
  expect(seen).toEqual(['A', 'C', 'I', null])
  expect(lists).toEqual(empty)
})

test("other roles' letters are kept, in their order", () => {
  const lists = { accountable: ['role:a'], consulted: ['role:b', 'role:c'], informed: [] }
  expect(cycleRaciLetter(lists, 'role:b')).toEqual({
    accountable: ['role:a'],
    consulted: ['role:c'],
    informed: ['role:b'],
  })
})

test('a role listed twice over by another tool is tidied into the next letter by one click', () => {
  const lists = { accountable: ['role:x'], consulted: [], informed: ['role:x'] }
  expect(cycleRaciLetter(lists, 'role:x')).toEqual({ accountable: [], consulted: ['role:x'], informed: [] })
})

test('a letter whose list is full is skipped rather than written and refused', () => {
  const full = Array.from({ length: MAX_RACI_ROLES }, (_, at) => `role:${at}`)
  const next = cycleRaciLetter({ ...empty, consulted: full }, 'role:new')
  expect(next.accountable).toEqual(['role:new'])
  expect(cycleRaciLetter(next, 'role:new')).toEqual({ ...empty, consulted: full, informed: ['role:new'] })
})

let editor: Editor
beforeEach(() => {
  editor = createWorkflowEditor()
})
afterEach(() => {
  editor.dispose()
  document.body.innerHTML = ''
})

function create(type: 'step' | 'decision', props: Record<string, unknown>): TLShapeId {
  const id = createShapeId()
  editor.createShape({ id, type, x: 0, y: 0, props } as Parameters<Editor['createShape']>[0])
  return id
}
const raciOf = (id: TLShapeId) => {
  const { accountable, consulted, informed } = editor.getShape(id)!.props as RaciLists
  return { accountable, consulted, informed }
}

test("a click writes the step's lists through the editor, and one undo takes it back", () => {
  const id = create('step', { label: 'Review', accountable: ['role:lead'] })
  editor.markHistoryStoppingPoint('created')
  expect(cycleRaciCell(editor, id, 'role:ops')).toEqual({
    accountable: ['role:lead', 'role:ops'],
    consulted: [],
    informed: [],
  })
  expect(raciOf(id).accountable).toEqual(['role:lead', 'role:ops'])
  cycleRaciCell(editor, id, 'role:ops')
  expect(raciOf(id)).toEqual({ accountable: ['role:lead'], consulted: ['role:ops'], informed: [] })

  editor.undo()
  expect(raciOf(id).accountable).toEqual(['role:lead', 'role:ops'])
  editor.undo()
  expect(raciOf(id)).toEqual({ accountable: ['role:lead'], consulted: [], informed: [] })
})

test("a decision's RACI is written the same way", () => {
  const id = create('decision', { question: 'Approve?' })
  cycleRaciCell(editor, id, 'role:lead')
  expect(raciOf(id).accountable).toEqual(['role:lead'])
})

test('nothing is written on a read-only board, or for a shape that is gone', () => {
  const id = create('step', { label: 'Review' })
  editor.updateInstanceState({ isReadonly: true })
  expect(cycleRaciCell(editor, id, 'role:ops')).toBeNull()
  expect(raciOf(id).accountable).toEqual([])
  editor.updateInstanceState({ isReadonly: false })
  expect(cycleRaciCell(editor, createShapeId('gone'), 'role:ops')).toBeNull()
})
