import { createPortal } from 'react-dom'
import { type Editor, type TLShapeId, useValue } from 'tldraw'

export type ShapeOutline = { id: string; label: string | null }

/**
 * Outlines shapes on an editor's canvas, each with an optional caption (the author's name in replay,
 * "changed" in the since-last-visit view). Rendered into the editor's own container in viewport
 * coordinates and recomputed when the camera moves, so it needs no hook into the page's layout.
 * Purely visual: it never touches the store.
 */
export function ShapeOutlines({
  editor,
  outlines,
  tone,
}: {
  editor: Editor
  outlines: readonly ShapeOutline[]
  tone: 'replay' | 'since-visit'
}) {
  const boxes = useValue(
    'shape outlines',
    () =>
      outlines.flatMap((outline) => {
        const bounds = editor.getShapePageBounds(outline.id as TLShapeId)
        if (!bounds) return []
        const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
        const bottomRight = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY })
        return [
          {
            ...outline,
            left: topLeft.x - 4,
            top: topLeft.y - 4,
            width: bottomRight.x - topLeft.x + 8,
            height: bottomRight.y - topLeft.y + 8,
          },
        ]
      }),
    [editor, outlines],
  )
  return createPortal(
    <div className={`flowmap-outlines flowmap-outlines--${tone}`} aria-hidden="true">
      {boxes.map((box) => (
        <div
          key={box.id}
          className="flowmap-outlines__box"
          data-shape-id={box.id}
          style={{ left: box.left, top: box.top, width: box.width, height: box.height }}
        >
          {box.label ? <span className="flowmap-outlines__label">{box.label}</span> : null}
        </div>
      ))}
    </div>,
    editor.getContainer(),
  )
}
