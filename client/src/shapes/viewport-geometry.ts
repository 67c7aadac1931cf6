import { type Editor, Geometry2dFilters, type TLShapeId } from 'tldraw'

export type ViewportBox = { x: number; y: number; w: number; h: number }

/** A shape's page bounds in viewport pixels; null when the shape is gone. */
export function viewportBox(editor: Editor, id: string): ViewportBox | null {
  const bounds = editor.getShapePageBounds(id as TLShapeId)
  if (bounds === undefined) return null
  const zoom = editor.getZoomLevel()
  const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
  return { x: topLeft.x, y: topLeft.y, w: bounds.w * zoom, h: bounds.h * zoom }
}

/**
 * An arrow's line in viewport coordinates as SVG path data, along its own geometry (curve or elbows,
 * not its label); null when the arrow is gone. The critical-path highlight and the walk-through both draw it.
 */
export function arrowTrace(editor: Editor, id: string): string | null {
  const arrow = editor.getShape(id as TLShapeId)
  if (arrow === undefined) return null
  const toPage = editor.getShapePageTransform(arrow)
  const points = editor
    .getShapeGeometry(arrow)
    .getVertices(Geometry2dFilters.EXCLUDE_LABELS)
    .map((vertex) => editor.pageToViewport(toPage.applyToPoint(vertex)))
  if (points.length < 2) return null
  return `M${points.map((point) => `${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' L')}`
}
