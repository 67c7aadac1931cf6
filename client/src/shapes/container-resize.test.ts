// @vitest-environment happy-dom

import { createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createWorkflowEditor } from './workflow-editor.test-support.ts'

// Resizes go through editor.resizeShape, which runs the same onResizeStart / onResize / onResizeEnd
// as a drag on a handle.

let editor: Editor

beforeEach(() => {
  editor = createWorkflowEditor()
})

afterEach(() => {
  editor.dispose()
})

function lane(y: number, h = 200): TLShapeId {
  const id = createShapeId()
  editor.createShape({ id, type: 'lane', x: 0, y, props: { w: 800, h } })
  return id
}

function step(parent: TLShapeId, x: number, y: number): TLShapeId {
  const id = createShapeId()
  editor.createShape({ id, type: 'step', parentId: parent, x, y })
  return id
}

function pageBox(id: TLShapeId) {
  const b = editor.getShapePageBounds(id)!
  return { x: b.x, y: b.y, w: b.w, h: b.h }
}

function dragEdge(id: TLShapeId, edge: 'top' | 'bottom', to: number) {
  const b = editor.getShapePageBounds(id)!
  const scaleY = edge === 'bottom' ? (to - b.minY) / b.h : (b.maxY - to) / b.h
  editor.markHistoryStoppingPoint('resize')
  editor.resizeShape(
    id,
    { x: 1, y: scaleY },
    {
      dragHandle: edge,
      mode: 'resize_bounds',
      scaleOrigin: edge === 'bottom' ? { x: b.minX, y: b.minY } : { x: b.minX, y: b.maxY },
    },
  )
}

describe('resizing a container', () => {
  it('changes only its own size: its steps keep their size and page position', () => {
    const a = lane(0)
    const s1 = step(a, 200, 40)
    const s2 = step(a, 400, 40)
    const before = [pageBox(s1), pageBox(s2)]
    dragEdge(a, 'bottom', 320)
    expect(editor.getShapePageBounds(a)!.h).toBe(320)
    expect([pageBox(s1), pageBox(s2)]).toEqual(before)
    dragEdge(a, 'top', -100)
    expect(pageBox(a)).toMatchObject({ y: -100, h: 420 })
    expect([pageBox(s1), pageBox(s2)]).toEqual(before)
  })

  it('cannot shrink past its children', () => {
    const a = lane(0, 400)
    const s = step(a, 200, 40)
    const stepBottom = editor.getShapePageBounds(s)!.maxY
    dragEdge(a, 'bottom', 50)
    expect(pageBox(a)).toMatchObject({ y: 0, h: stepBottom + 16 })
    // Dragged past its top edge, a lane does not flip: its top stays, its steps still hold it open.
    dragEdge(a, 'bottom', -300)
    expect(pageBox(a)).toMatchObject({ y: 0, h: stepBottom + 16 })
  })

  it('pushes the lanes of its pool below it, and one undo puts everything back', () => {
    const a = lane(0)
    const b = lane(200)
    const c = lane(400)
    const inB = step(b, 200, 40)
    const before = pageBox(inB)
    dragEdge(a, 'bottom', 300)
    expect([pageBox(a).y, pageBox(b).y, pageBox(c).y]).toEqual([0, 300, 500])
    // A pushed lane carries its steps.
    expect(pageBox(inB)).toEqual({ ...before, y: before.y + 100 })
    editor.undo()
    expect([pageBox(a), pageBox(b).y, pageBox(c).y]).toEqual([{ x: 0, y: 0, w: 800, h: 200 }, 200, 400])
    expect(pageBox(inB)).toEqual(before)
  })
})
