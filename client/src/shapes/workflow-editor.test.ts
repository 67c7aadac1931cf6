// @vitest-environment happy-dom

import { WORKFLOW_SHAPE_TYPES, workflowShapeDefaultProps } from '@flowmap/shared'
import {
  ArrowShapeKindStyle,
  createShapeId,
  type Editor,
  type TLArrowShape,
  type TLShapeId,
  toRichText,
} from 'tldraw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getBoardRole, setBoardRoles } from './board-roles.ts'
import { registerConnectorFlowStyle } from './connector-flow.ts'
import { adoptEnclosedShapes } from './enclose-shapes.ts'
import { registerLaneOwnership } from './lane-ownership.ts'
import { addNextStep } from './next-step.ts'
import { turnNotesIntoSteps } from './note-to-step.ts'
import { createWorkflowEditor } from './workflow-editor.test-support.ts'

// A real tldraw Editor (no React, no canvas) with the workflow shapes and our side effects, so the
// rules are proven through the same editor calls the UI makes, history and change sources included.

let editor: Editor
let stop: (() => void)[] = []

beforeEach(() => {
  editor = createWorkflowEditor()
  stop = [registerLaneOwnership(editor), registerConnectorFlowStyle(editor)]
})

afterEach(() => {
  for (const fn of stop) fn()
  editor.dispose()
})

function createLane(roleId: string | null): TLShapeId {
  const id = createShapeId()
  editor.createShape({ id, type: 'lane', x: 0, y: 0, props: { w: 800, h: 200, roleId } })
  return id
}

function createStep(owner: string | null = null, x = 1000): TLShapeId {
  const id = createShapeId()
  editor.createShape({ id, type: 'step', x, y: 50, props: { owner } })
  return id
}

describe('lane ownership in the editor', () => {
  it("a step dropped into a lane takes the lane's role, in the same undo step as the move", () => {
    const lane = createLane('role:ops')
    const step = createStep()
    editor.markHistoryStoppingPoint('before drop')
    editor.reparentShapes([step], lane)
    expect(editor.getShape(step)).toMatchObject({ parentId: lane, props: { owner: 'role:ops' } })
    editor.undo()
    expect(editor.getShape(step)).toMatchObject({ parentId: 'page:page', props: { owner: null } })
  })

  it('a step created inside a lane takes its role', () => {
    const lane = createLane('role:ops')
    const id = createShapeId()
    editor.createShape({ id, type: 'step', parentId: lane, x: 200, y: 40 })
    expect(editor.getShape(id)).toMatchObject({ props: { owner: 'role:ops' } })
  })

  it('a step that already has an owner keeps it', () => {
    const lane = createLane('role:ops')
    const step = createStep('role:legal')
    editor.reparentShapes([step], lane)
    expect(editor.getShape(step)).toMatchObject({ props: { owner: 'role:legal' } })
  })

  it("a remote move into a lane is left as it came: its author's client already applied the rule", () => {
    const lane = createLane('role:ops')
    const step = createStep()
    editor.store.mergeRemoteChanges(() => {
      const current = editor.getShape(step)!
      editor.store.put([{ ...current, parentId: lane, x: 100, y: 20 }])
    })
    expect(editor.getShape(step)).toMatchObject({ parentId: lane, props: { owner: null } })
  })
})

describe('connector flow kinds in the editor', () => {
  function createArrow(): TLShapeId {
    const id = createShapeId()
    editor.createShape({
      id,
      type: 'arrow',
      x: 0,
      y: 0,
      props: { start: { x: 0, y: 0 }, end: { x: 100, y: 0 } },
    })
    return id
  }

  it('a new arrow is a solid sequence flow', () => {
    const arrow = editor.getShape<TLArrowShape>(createArrow())!
    expect(arrow.props.dash).toBe('solid')
    expect(arrow.meta.flow).toBe('sequence')
  })

  it('choosing "dependency" makes the line dashed, and undo restores both', () => {
    const id = createArrow()
    editor.markHistoryStoppingPoint('flow')
    editor.updateShape({ id, type: 'arrow', meta: { flow: 'dependency' } })
    expect(editor.getShape<TLArrowShape>(id)!.props.dash).toBe('dashed')
    editor.undo()
    expect(editor.getShape<TLArrowShape>(id)).toMatchObject({
      props: { dash: 'solid' },
      meta: { flow: 'sequence' },
    })
  })

  it('typing a label on an arrow that leaves a decision makes it the branch label', () => {
    const decision = createShapeId()
    editor.createShape({ id: decision, type: 'decision', x: -300, y: -50 })
    const id = createArrow()
    editor.createBinding({
      type: 'arrow',
      fromId: id,
      toId: decision,
      props: { terminal: 'start', normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false },
    })
    editor.updateShape({ id, type: 'arrow', props: { richText: toRichText('yes') } })
    expect(editor.getShape<TLArrowShape>(id)!.meta.branch).toBe('yes')

    const plain = createArrow()
    editor.updateShape({ id: plain, type: 'arrow', props: { richText: toRichText('note') } })
    expect(editor.getShape<TLArrowShape>(plain)!.meta.branch).toBeUndefined()
  })

  it('a new connector is elbow-routed; arcs chosen in the style panel stay the choice for the next ones', () => {
    expect(editor.getShape<TLArrowShape>(createArrow())!.props.kind).toBe('elbow')
    editor.setStyleForNextShapes(ArrowShapeKindStyle, 'arc')
    expect(editor.getShape<TLArrowShape>(createArrow())!.props.kind).toBe('arc')
    // Registering again (the board remounted in the same session) keeps the person's choice.
    stop.push(registerConnectorFlowStyle(editor))
    expect(editor.getShape<TLArrowShape>(createArrow())!.props.kind).toBe('arc')
  })

  it('choosing the dotted style makes it an information flow', () => {
    const id = createArrow()
    editor.updateShape({ id, type: 'arrow', props: { dash: 'dotted' } })
    expect(editor.getShape<TLArrowShape>(id)!.meta.flow).toBe('information')
  })
})

describe('turning a note into a step', () => {
  it('keeps place, parent and text, and re-points arrows at the new step', () => {
    const lane = createLane(null)
    const note = createShapeId()
    editor.createShape({
      id: note,
      type: 'note',
      parentId: lane,
      x: 300,
      y: 10,
      props: { richText: toRichText('Call the customer') },
    })
    const arrow = createShapeId()
    editor.createShape({
      id: arrow,
      type: 'arrow',
      x: -200,
      y: 0,
      props: { start: { x: 0, y: 0 }, end: { x: 100, y: 0 } },
    })
    editor.createBinding({
      type: 'arrow',
      fromId: arrow,
      toId: note,
      props: { terminal: 'end', normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false },
    })

    const [step] = turnNotesIntoSteps(editor, [note])

    expect(editor.getShape(note)).toBeUndefined()
    expect(editor.getShape(step!)).toMatchObject({
      type: 'step',
      parentId: lane,
      x: 300,
      y: 10,
      props: { label: 'Call the customer' },
    })
    expect(editor.getBindingsToShape(step!, 'arrow').map((binding) => binding.fromId)).toEqual([arrow])
    expect(editor.getSelectedShapeIds()).toEqual([step])

    editor.undo()
    expect(editor.getShape(step!)).toBeUndefined()
    expect(editor.getShape(note)).toMatchObject({ type: 'note' })
  })
})

describe('board roles for shapes', () => {
  it('resolve per editor, and follow the latest list the page sets', () => {
    const ops = { id: 'role:ops', name: 'Ops', color: '#4263eb', kind: 'team' as const }
    expect(getBoardRole(editor, 'role:ops')).toBeNull()
    setBoardRoles(editor, [ops])
    expect(getBoardRole(editor, 'role:ops')).toEqual(ops)
    expect(getBoardRole(editor, null)).toBeNull()
    setBoardRoles(editor, [])
    expect(getBoardRole(editor, 'role:ops')).toBeNull()
  })
})

describe('adding the next step', () => {
  it('puts a step to the right in the same lane, joined by a bound sequence arrow, ready to type', () => {
    const lane = createLane('role:ops')
    const first = createShapeId()
    editor.createShape({ id: first, type: 'step', parentId: lane, x: 150, y: 40 })

    const next = addNextStep(editor, first)!

    expect(editor.getShape(next)).toMatchObject({
      type: 'step',
      parentId: lane,
      y: 40,
      props: { owner: 'role:ops' },
    })
    expect(editor.getShape(next)!.x).toBeGreaterThan(150 + 220)
    const arrows = editor.getCurrentPageShapes().filter((shape) => shape.type === 'arrow')
    expect(arrows).toHaveLength(1)
    expect(arrows[0]).toMatchObject({ props: { dash: 'solid', kind: 'elbow' }, meta: { flow: 'sequence' } })
    const ends = editor
      .getBindingsFromShape(arrows[0]!.id, 'arrow')
      .map((b) => [(b.props as { terminal: string }).terminal, b.toId])
    expect(ends).toEqual(
      expect.arrayContaining([
        ['start', first],
        ['end', next],
      ]),
    )
    expect(editor.getEditingShapeId()).toBe(next)

    editor.setEditingShape(null)
    editor.undo()
    expect(editor.getShape(next)).toBeUndefined()
    expect(editor.getCurrentPageShapes().filter((shape) => shape.type === 'arrow')).toHaveLength(0)
  })

  it('does not continue from an end event', () => {
    const end = createShapeId()
    editor.createShape({ id: end, type: 'event', x: 0, y: 0, props: { kind: 'end' } })
    expect(addNextStep(editor, end)).toBeNull()
  })
})

describe('drawing a container around shapes', () => {
  it('a lane drawn around steps adopts them (and gives them its role), but not shapes it only overlaps', () => {
    const inside = createStep(null, 100)
    const overlapping = createStep(null, 700)
    const stage = createShapeId()
    editor.createShape({ id: stage, type: 'stage', x: 50, y: 0, props: { w: 300, h: 300 } })
    const lane = createShapeId()
    editor.createShape({ id: lane, type: 'lane', x: 0, y: 0, props: { w: 800, h: 400, roleId: 'role:ops' } })

    adoptEnclosedShapes(editor, editor.getShape(lane)!)

    expect(editor.getShape(inside)).toMatchObject({ parentId: lane, props: { owner: 'role:ops' } })
    expect(editor.getShape(overlapping)).toMatchObject({ parentId: 'page:page', props: { owner: null } })
    expect(editor.getShape(stage), 'a lane never takes a stage').toMatchObject({ parentId: 'page:page' })
  })
})

describe('a ShapeUtil gives a new shape the default props of @flowmap/shared', () => {
  it.each(WORKFLOW_SHAPE_TYPES.filter((type) => type !== 'stage'))('%s, on an empty page', (type) => {
    expect(editor.getShapeUtil(type).getDefaultProps()).toEqual(workflowShapeDefaultProps[type])
  })

  it('stage, on an empty page: numbered as the first stage', () => {
    expect(editor.getShapeUtil('stage').getDefaultProps()).toEqual({
      ...workflowShapeDefaultProps.stage,
      order: 1,
    })
  })

  it('stage and event follow the page: the next stage number, and an end once there is a start', () => {
    editor.createShape({ id: createShapeId('first-stage'), type: 'stage' })
    editor.createShape({ id: createShapeId('start'), type: 'event' })
    expect(editor.getShapeUtil('stage').getDefaultProps()).toEqual({
      ...workflowShapeDefaultProps.stage,
      order: 2,
    })
    expect(editor.getShapeUtil('event').getDefaultProps()).toEqual({
      ...workflowShapeDefaultProps.event,
      kind: 'end',
    })
  })
})
