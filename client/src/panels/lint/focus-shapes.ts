import { Box, type Editor, type TLShapeId } from 'tldraw'

/** Zooming to one small shape would fill the screen with it; 100% keeps its neighbours in view. */
const MAX_FOCUS_ZOOM = 1

/**
 * Selects the shapes an issue or insight names (unless told not to) and brings them into view; ids
 * of shapes deleted meanwhile are skipped. Returns how many were found.
 */
export function focusShapes(
  editor: Editor,
  shapeIds: readonly string[],
  options: { select?: boolean } = {},
): number {
  const present = shapeIds.filter((id) => editor.getShape(id as TLShapeId) !== undefined) as TLShapeId[]
  if (present.length === 0) return 0
  if (options.select ?? true) editor.select(...present)
  const boxes = present.map((id) => editor.getShapePageBounds(id)).filter((box) => box !== undefined)
  if (boxes.length > 0) {
    editor.zoomToBounds(Box.Common(boxes), { targetZoom: MAX_FOCUS_ZOOM, animation: { duration: 220 } })
  }
  return present.length
}
