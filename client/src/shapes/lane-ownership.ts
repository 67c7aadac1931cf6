import type { Editor, TLParentId, TLShape } from 'tldraw'

/**
 * Dropping a step into a lane makes the lane's role the step's owner, when the step has none: the
 * lane says who does the work there. A step that already names an owner keeps it (someone chose it
 * on purpose), and moving a step out of a lane leaves its owner alone.
 */
export function ownerFromLane(step: TLShape<'step'>, newParent: TLShape | undefined): string | null {
  if (step.props.owner !== null) return null
  if (newParent?.type !== 'lane') return null
  return newParent.props.roleId
}

function isStep(shape: TLShape): shape is TLShape<'step'> {
  return shape.type === 'step'
}

export function registerLaneOwnership(editor: Editor): () => void {
  const parentOf = (parentId: TLParentId) => editor.getShape(parentId as TLShape['id'])

  // Both run after the change so that the reparent and the owner land in the same undo step.
  const removeCreate = editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || !isStep(shape)) return
    const owner = ownerFromLane(shape, parentOf(shape.parentId))
    if (owner !== null) editor.updateShape({ id: shape.id, type: 'step', props: { owner } })
  })
  const removeChange = editor.sideEffects.registerAfterChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user' || !isStep(next) || prev.parentId === next.parentId) return
    const owner = ownerFromLane(next, parentOf(next.parentId))
    if (owner !== null) editor.updateShape({ id: next.id, type: 'step', props: { owner } })
  })
  return () => {
    removeCreate()
    removeChange()
  }
}
