// @vitest-environment happy-dom

import { metaWithShapeLock } from '@flowmap/shared'
import { createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createWorkflowEditor } from '../shapes/workflow-editor.test-support.ts'
import { type GuardState, registerParticipantGuard } from './participant-guard.ts'
import { setShapeLocks } from './shape-lock-actions.ts'

const fay = { by: 'fay', name: 'Fay', at: 1 }
const lane = createShapeId('lane')
const inLane = createShapeId('inLane')
const free = createShapeId('free')

describe('the participant guard', () => {
  let editor: Editor
  let state: GuardState
  let stop: () => void
  /** What the binding would write to the doc: the store's document changes made by this page. */
  let documentChanges: number

  beforeEach(() => {
    editor = createWorkflowEditor()
    state = { held: true, boardLocked: false, toolsRestricted: false }
    editor.createShapes([
      { id: lane, type: 'lane', x: 0, y: 0, meta: metaWithShapeLock({}, fay) as never },
      { id: inLane, type: 'step', parentId: lane, x: 40, y: 40 },
      { id: free, type: 'step', x: 900, y: 0 },
    ])
    const stopGuard = registerParticipantGuard(editor, () => state)
    documentChanges = 0
    const stopListening = editor.store.listen(
      ({ changes }) => {
        const count = (part: object) => Object.keys(part).length
        documentChanges += count(changes.added) + count(changes.updated) + count(changes.removed)
      },
      { source: 'user', scope: 'document' },
    )
    stop = () => {
      stopGuard()
      stopListening()
    }
  })
  afterEach(() => {
    stop()
    editor.dispose()
  })

  const xOf = (id: TLShapeId) => editor.getShape(id)?.x

  it('keeps a participant from moving, deleting or re-parenting a shape inside a locked lane, and from selecting it', () => {
    editor.updateShape({ id: inLane, type: 'step', x: 300 })
    editor.updateShape({ id: inLane, type: 'step', parentId: editor.getCurrentPageId() })
    editor.deleteShapes([inLane, lane])
    editor.select(inLane, free)
    expect(xOf(inLane)).toBe(40)
    expect(editor.getShape(inLane)?.parentId).toBe(lane)
    expect(editor.getShape(lane)).toBeDefined()
    expect(editor.getSelectedShapeIds()).toEqual([free])
    // Nothing reached the store, so the binding has nothing to write and undo nothing to undo.
    editor.store._flushHistory()
    expect(documentChanges).toBe(0)
  })

  it('removes a shape a participant creates inside a locked lane, and keeps shapes out of it', () => {
    editor.createShape({ id: createShapeId('sneaky'), type: 'step', parentId: lane })
    expect(editor.getShape(createShapeId('sneaky'))).toBeUndefined()
    editor.store._flushHistory()
    expect(documentChanges).toBe(0)
    editor.updateShape({ id: free, type: 'step', parentId: lane })
    expect(editor.getShape(free)?.parentId).toBe(editor.getCurrentPageId())
  })

  it('lets a participant edit what no lock holds, and a facilitator edit everything', () => {
    editor.updateShape({ id: free, type: 'step', x: 1000 })
    expect(xOf(free)).toBe(1000)
    state = { ...state, held: false }
    editor.updateShape({ id: inLane, type: 'step', x: 300 })
    expect(xOf(inLane)).toBe(300)
    setShapeLocks(editor, [lane], null)
    expect(editor.getShape(lane)?.meta).toEqual({})
  })

  it('with the toolset limited, holds steps and lets notes through; a locked board holds everything', () => {
    state = { held: true, boardLocked: false, toolsRestricted: true }
    editor.updateShape({ id: free, type: 'step', x: 1000 })
    expect(xOf(free)).toBe(900)
    editor.createShape({ id: createShapeId('step2'), type: 'step' })
    expect(editor.getShape(createShapeId('step2'))).toBeUndefined()
    editor.createShape({ id: createShapeId('idea'), type: 'note', x: 500 })
    expect(editor.getShape(createShapeId('idea'))).toBeDefined()
    state = { held: true, boardLocked: true, toolsRestricted: false }
    editor.updateShape({ id: createShapeId('idea'), type: 'note', x: 0 })
    expect(xOf(createShapeId('idea'))).toBe(500)
  })

  it("strips the lock from a participant's pasted copy of a locked shape", () => {
    const copy = createShapeId('copy')
    editor.createShape({ id: copy, type: 'step', x: 2000, meta: metaWithShapeLock({}, fay) as never })
    expect(editor.getShape(copy)?.meta).toEqual({})
  })
})
