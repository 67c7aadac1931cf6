// @vitest-environment happy-dom
import { createShapeId, type Editor } from 'tldraw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createWorkflowEditor } from '../shapes/workflow-editor.test-support.ts'
import { createBoardModel } from '../sync/board-model.ts'
import { removeRole } from './remove-role.ts'

let editor: Editor

beforeEach(() => {
  editor = createWorkflowEditor()
})

afterEach(() => {
  editor.dispose()
})

describe('removeRole', () => {
  it('deletes the role and unassigns the steps and lanes that named it, leaving others alone', () => {
    const model = createBoardModel(new Y.Doc())
    model.writeRole({ id: 'role:ops', name: 'Ops', color: '#4263eb', kind: 'team' })
    model.writeRole({ id: 'role:legal', name: 'Legal', color: '#e8590c', kind: 'team' })
    const lane = createShapeId()
    const ownedStep = createShapeId()
    const otherStep = createShapeId()
    editor.createShapes([
      { id: lane, type: 'lane', x: 0, y: 0, props: { roleId: 'role:ops' } },
      { id: ownedStep, type: 'step', x: 2000, y: 0, props: { owner: 'role:ops' } },
      { id: otherStep, type: 'step', x: 2400, y: 0, props: { owner: 'role:legal' } },
    ])

    removeRole(model, editor, 'role:ops')

    expect(model.roles.get().map((role) => role.id)).toEqual(['role:legal'])
    expect(editor.getShape(lane)).toMatchObject({ props: { roleId: null } })
    expect(editor.getShape(ownedStep)).toMatchObject({ props: { owner: null } })
    expect(editor.getShape(otherStep)).toMatchObject({ props: { owner: 'role:legal' } })
  })
})
