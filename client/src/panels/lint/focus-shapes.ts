import type { Editor, TLShapeId } from 'tldraw'

/**
 * Selects the shapes an issue or insight names and zooms to them; ids of shapes deleted meanwhile
 * are skipped. Returns how many were found.
 */
export function focusShapes(editor: Editor, shapeIds: readonly string[]): number {
  const present = shapeIds.filter((id) => editor.getShape(id as TLShapeId) !== undefined) as TLShapeId[]
  if (present.length === 0) return 0
  editor.select(...present)
  editor.zoomToSelection({ animation: { duration: 220 } })
  return present.length
}
