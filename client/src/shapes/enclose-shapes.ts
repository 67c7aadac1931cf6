import type { Editor, TLShape, TLShapeId } from 'tldraw'

/**
 * Drawing a stage or a lane around shapes puts them in it, as drawing a frame does in tldraw: the
 * new container adopts the unlocked siblings that lie wholly inside it. (Steps adopted by a lane
 * then take its role through lane-ownership.ts, like steps dropped into it.)
 */
export function enclosedSiblingIds(editor: Editor, container: TLShape): TLShapeId[] {
  const bounds = editor.getShapePageBounds(container)
  if (!bounds) return []
  const ancestors = new Set(editor.getShapeAncestors(container).map((shape) => shape.id))
  const util = editor.getShapeUtil(container)
  return editor
    .getSortedChildIdsForParent(container.parentId)
    .map((id) => editor.getShape(id))
    .filter((shape): shape is TLShape => {
      if (!shape || shape.id === container.id || shape.isLocked || ancestors.has(shape.id)) return false
      if (!util.canReceiveNewChildrenOfType(container, shape.type)) return false
      const shapeBounds = editor.getShapePageBounds(shape)
      return shapeBounds !== undefined && bounds.contains(shapeBounds)
    })
    .map((shape) => shape.id)
}

export function adoptEnclosedShapes(editor: Editor, container: TLShape | null): void {
  if (!container) return
  const enclosed = enclosedSiblingIds(editor, container)
  if (enclosed.length > 0) editor.reparentShapes(enclosed, container.id)
}
