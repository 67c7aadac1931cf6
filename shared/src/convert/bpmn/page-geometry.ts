/**
 * Where shapes are on the page. tldraw stores a shape's x/y in its parent's space (a step in a lane is
 * placed relative to the lane), BPMNDI in absolute page coordinates, so every position is summed up the
 * parent chain. Rotation is not followed: workflow shapes and their containers are drawn upright, and
 * BPMNDI bounds cannot be rotated.
 */
import type { TLShape } from '@tldraw/tlschema'

export type PageBounds = { x: number; y: number; w: number; h: number }
export type PagePoint = { x: number; y: number }

/** tldraw's sticky note is 200 × 200 at scale 1 and grows downward with its text (`growY`). */
const NOTE_SIZE = 200

export type PageGeometry = {
  /** The shape's top-left corner on the page. */
  originOf(shape: TLShape): PagePoint
  /** The shape's box on the page; null for a shape with no size of its own (an arrow, a drawing). */
  boundsOf(shape: TLShape): PageBounds | null
}

export function createPageGeometry(shapes: ReadonlyMap<string, TLShape>): PageGeometry {
  const origins = new Map<string, PagePoint>()
  const visiting = new Set<string>()

  function originOf(shape: TLShape): PagePoint {
    const known = origins.get(shape.id)
    if (known !== undefined) return known
    const parent = shapes.get(shape.parentId)
    // A parent cycle (two concurrent moves) is cut where it closes: that shape counts as on the page.
    let base: PagePoint = { x: 0, y: 0 }
    if (parent !== undefined && !visiting.has(shape.id)) {
      visiting.add(shape.id)
      base = originOf(parent)
      visiting.delete(shape.id)
    }
    const origin = { x: base.x + shape.x, y: base.y + shape.y }
    origins.set(shape.id, origin)
    return origin
  }

  function boundsOf(shape: TLShape): PageBounds | null {
    const props = shape.props as { w?: unknown; h?: unknown; scale?: unknown; growY?: unknown }
    const { x, y } = originOf(shape)
    if (typeof props.w === 'number' && typeof props.h === 'number') return { x, y, w: props.w, h: props.h }
    if (shape.type === 'note') {
      const scale = typeof props.scale === 'number' ? props.scale : 1
      const grow = typeof props.growY === 'number' ? props.growY : 0
      return { x, y, w: NOTE_SIZE * scale, h: (NOTE_SIZE + grow) * scale }
    }
    return null
  }

  return { originOf, boundsOf }
}
