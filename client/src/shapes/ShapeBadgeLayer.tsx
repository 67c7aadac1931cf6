import type { ComponentType } from 'react'
import { type Editor, type TLShapeId, useEditor, useValue } from 'tldraw'

/** What one mark is given: its shape, and the transform that keeps it the same size on screen. */
export type ShapeBadgeProps = { editor: Editor; shapeId: TLShapeId; keepScreenSize: string }

/**
 * A layer of small marks pinned to shapes (lint issues, facilitator locks). It lives on the canvas
 * (tldraw's OnTheCanvas slot, which the camera transforms): positions are in page coordinates, so panning
 * moves the marks with their shapes without rendering anything, and each mark is scaled by 1/zoom to keep
 * its size on screen. Each mark follows its own shape, so dragging one shape renders one mark; the list
 * changes only when the set of marked shapes does.
 */
export function ShapeBadgeLayer({
  className,
  announced,
  markedShapes,
  nudge,
  Badge,
}: {
  className: string
  /** Whether assistive technology reads the marks (locks), or the layer is hidden (lint: the Checks panel says it). */
  announced: boolean
  /** The marked shapes' ids, space-separated: an unchanged set is an unchanged value (no render of the list). */
  markedShapes: (editor: Editor) => string
  /** Where a mark sits against its anchor point, in screen pixels, as a CSS translate. */
  nudge: string
  Badge: ComponentType<ShapeBadgeProps>
}) {
  const editor = useEditor()
  const ids = useValue('marked shapes', () => markedShapes(editor), [editor])
  const zoom = useValue('zoom level', () => editor.getZoomLevel(), [editor])
  if (ids === '') return null
  const keepScreenSize = `scale(${1 / zoom}) ${nudge}`
  return (
    <div className={className} aria-hidden={announced ? undefined : true}>
      {ids.split(' ').map((id) => (
        <Badge key={id} editor={editor} shapeId={id as TLShapeId} keepScreenSize={keepScreenSize} />
      ))}
    </div>
  )
}
