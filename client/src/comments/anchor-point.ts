/**
 * Where a thread's pin sits on the page: a point anchor is its point; a shape anchor is its
 * normalised x/y inside the shape's page bounds, so the pin follows the shape when it moves.
 */
import type { TLCommentAnchor } from 'tldraw'

export type PageBox = { readonly x: number; readonly y: number; readonly w: number; readonly h: number }
export type PagePoint = { readonly x: number; readonly y: number }

/** null: the anchor's shape is gone (or a page anchor, which has no point). */
export function anchorPagePoint(
  anchor: TLCommentAnchor,
  shapeBounds: (shapeId: string) => PageBox | undefined,
): PagePoint | null {
  switch (anchor.type) {
    case 'point':
      return { x: anchor.x, y: anchor.y }
    case 'region':
      return { x: anchor.pinX ?? anchor.x + anchor.w, y: anchor.pinY ?? anchor.y }
    case 'shape': {
      const box = shapeBounds(anchor.shapeId)
      if (!box) return null
      return { x: box.x + clamp01(anchor.x) * box.w, y: box.y + clamp01(anchor.y) * box.h }
    }
    default:
      return null
  }
}

/** A click on a shape, as its normalised position in the shape's bounds (0–1 on each axis). */
export function normalizedIn(box: PageBox, point: PagePoint): { x: number; y: number } {
  return {
    x: box.w > 0 ? clamp01((point.x - box.x) / box.w) : 0.5,
    y: box.h > 0 ? clamp01((point.y - box.y) / box.h) : 0.5,
  }
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0.5
}
