// @vitest-environment happy-dom
/**
 * The Roles panel in a DOM with React, on the board model of a real doc: it lists what the model
 * holds (never an entry that is not a valid role), shows others' roles as they arrive, and a rename
 * goes to the model as one write.
 */
import { type Role, writeRole } from '@flowmap/shared'
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, expect, test } from 'vitest'
import * as Y from 'yjs'
import { useBoardRoles } from '../app/use-board-roles.ts'
import { type BoardModel, createBoardModel } from '../sync/board-model.ts'
import { RolesPanel } from './RolesPanel.tsx'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const ops: Role = { id: 'role:ops', name: 'Ops', color: '#4263eb', kind: 'team' }
const legal: Role = { id: 'role:legal', name: 'Legal', color: '#e8590c', kind: 'team' }

let root: Root | null = null
afterEach(() => {
  act(() => root?.unmount())
  root = null
  document.body.innerHTML = ''
})

/** The panel as the board page wires it: the roles come from the model through useBoardRoles. */
function PanelOnModel({ model }: { model: BoardModel }) {
  const roles = useBoardRoles(model)
  return createElement(RolesPanel, { model, roles, editor: null, readonly: false })
}

function render(model: BoardModel): void {
  root = createRoot(document.body.appendChild(document.createElement('div')))
  act(() => root!.render(createElement(PanelOnModel, { model })))
}

const shownRoleIds = () =>
  [...document.querySelectorAll<HTMLElement>('[data-testid="role-row"]')].map((row) => row.dataset.roleId)

test("lists the board's roles, and a role another client adds appears", () => {
  const doc = new Y.Doc()
  writeRole(doc, ops)
  render(createBoardModel(doc))
  expect(shownRoleIds()).toEqual(['role:ops'])

  const theirs = new Y.Doc()
  writeRole(theirs, legal)
  act(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(theirs)))
  expect(shownRoleIds()).toEqual(['role:legal', 'role:ops'])
})

test('an entry in the roles that is not a valid role is not shown', () => {
  const doc = new Y.Doc()
  writeRole(doc, ops)
  writeRole(doc, { id: 'role:broken', name: 'Broken', kind: 'wizard', color: 42 } as unknown as Role)
  render(createBoardModel(doc))
  expect(shownRoleIds()).toEqual(['role:ops'])
})

test('renaming a role writes the new name once it is committed', () => {
  const model = createBoardModel(new Y.Doc())
  model.writeRole(ops)
  render(model)
  const name = document.querySelector<HTMLInputElement>('[aria-label="Name of role Ops"]')!
  act(() => name.focus())
  act(() => {
    // React tracks an input's value itself; set it the way a keystroke does, then fire input.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(name, 'Operations')
    name.dispatchEvent(new Event('input', { bubbles: true }))
  })
  expect(model.roles.get()).toEqual([ops])
  act(() => name.blur())
  expect(model.roles.get()).toEqual([{ ...ops, name: 'Operations' }])
})

test("a role's capacity is written as a whole number, emptied back to unbounded, and never out of range", () => {
  const doc = new Y.Doc()
  writeRole(doc, ops)
  const model = createBoardModel(doc)
  render(model)
  const input = document.querySelector<HTMLInputElement>('[aria-label="Capacity of role Ops"]')!
  const type = (text: string) =>
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text)
      input.dispatchEvent(new Event('input', { bubbles: true }))
    })
  const capacity = () => model.roles.get().find((role) => role.id === ops.id)?.capacity
  expect(input.value).toBe('')
  type('3')
  expect(capacity()).toBe(3)
  type('2.5')
  expect(capacity()).toBe(3)
  expect(input.getAttribute('aria-invalid')).toBe('true')
  type('0')
  expect(capacity()).toBe(3)
  type('')
  expect(capacity()).toBeUndefined()
  expect(model.roles.get()[0]).not.toHaveProperty('capacity')
})
