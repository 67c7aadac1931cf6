import { workflowShapeDefaultProps } from '@flowmap/shared'
import { createBindingId, createShapeId, type Editor, type TLShape, type TLShapeId } from 'tldraw'

/** Shapes a flow can continue from: everything in the flow but an end event. */
export function canContinueFrom(shape: TLShape | undefined): boolean {
  if (!shape) return false
  if (shape.type === 'event') return shape.props.kind === 'start'
  return shape.type === 'step' || shape.type === 'decision' || shape.type === 'artifact'
}

/** Room between a shape and the step added after it: enough for the arrow and its branch label. */
export const NEXT_STEP_GAP = 100

/** Where the next step goes: to the right of `from`, centred on it, in the same parent. */
export function nextStepPlacement(from: { x: number; y: number; props: { w: number; h: number } }): {
  x: number
  y: number
} {
  return {
    x: from.x + from.props.w + NEXT_STEP_GAP,
    y: from.y + (from.props.h - workflowShapeDefaultProps.step.h) / 2,
  }
}

/**
 * "Then what?": adds a step after the given shape, joined to it by a sequence arrow bound at both
 * ends, and opens the new step's label for typing: mapping a flow is a run of these. One undo step.
 */
export function addNextStep(editor: Editor, fromId: TLShapeId): TLShapeId | null {
  const from = editor.getShape(fromId)
  if (!from || !canContinueFrom(from) || !('w' in from.props) || !('h' in from.props)) return null
  const stepId = createShapeId()
  const arrowId = createShapeId()
  editor.run(() => {
    editor.markHistoryStoppingPoint('add next step')
    editor.createShape({
      id: stepId,
      type: 'step',
      parentId: from.parentId,
      ...nextStepPlacement(from as TLShape & { props: { w: number; h: number } }),
    })
    const start = editor.getShapePageBounds(fromId)!.center
    const end = editor.getShapePageBounds(stepId)!.center
    editor.createShape({
      id: arrowId,
      type: 'arrow',
      x: start.x,
      y: start.y,
      props: { start: { x: 0, y: 0 }, end: { x: end.x - start.x, y: end.y - start.y } },
    })
    const anchor = { normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false }
    editor.createBindings([
      {
        id: createBindingId(),
        type: 'arrow',
        fromId: arrowId,
        toId: fromId,
        props: { terminal: 'start', ...anchor },
      },
      {
        id: createBindingId(),
        type: 'arrow',
        fromId: arrowId,
        toId: stepId,
        props: { terminal: 'end', ...anchor },
      },
    ])
    editor.select(stepId)
  })
  // The select tool's editing state, as Enter on a selected shape enters it: Escape and clicks away
  // then end the edit the usual way.
  editor.setEditingShape(stepId)
  editor.setCurrentTool('select.editing_shape', {})
  return stepId
}
