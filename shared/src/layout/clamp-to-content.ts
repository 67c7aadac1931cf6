/** A box in its parent's space. */
export type LayoutBox = { readonly x: number; readonly y: number; readonly w: number; readonly h: number }

/** Room a container keeps between its edges and its content (a lane's left padding holds its label band). */
export type ContentPadding = {
  readonly left: number
  readonly top: number
  readonly right: number
  readonly bottom: number
}

/** An interval on one axis, from `min` to `max`. */
export type ContentRange = { readonly min: number; readonly max: number }

/**
 * What a container must keep holding, per axis (null: nothing on that axis). The axes are separate
 * because a lane in a pool shares its width with the other lanes: across, it must hold all their
 * steps; along the pool, only its own.
 */
export type ContainerContent = { readonly x: ContentRange | null; readonly y: ContentRange | null }

/** The bounds of some boxes as content ranges (null for none). */
export function contentOf(boxes: readonly LayoutBox[]): ContainerContent {
  if (boxes.length === 0) return { x: null, y: null }
  return {
    x: { min: Math.min(...boxes.map((b) => b.x)), max: Math.max(...boxes.map((b) => b.x + b.w)) },
    y: { min: Math.min(...boxes.map((b) => b.y)), max: Math.max(...boxes.map((b) => b.y + b.h)) },
  }
}

function rangeOf(at: number, size: number): ContentRange {
  return { min: at, max: at + size }
}

/**
 * One axis of `clampToContent`: the proposed range widened so it holds the content with padding, but
 * never past where the range started.
 */
function clampRange(
  start: ContentRange,
  proposed: ContentRange,
  content: ContentRange | null,
  padLo: number,
  padHi: number,
): ContentRange {
  if (content === null) return proposed
  return {
    min: Math.min(proposed.min, Math.max(start.min, content.min - padLo)),
    max: Math.max(proposed.max, Math.min(start.max, content.max + padHi)),
  }
}

/**
 * A container resized to `proposed`, clamped so that it still holds its content (the bounds of its
 * children, in the same space) with `padding` around it: a lane cannot shrink past its steps. The
 * clamp never makes a container grow past where it started, so content already inside the padding
 * (or sticking out) stops the edge from moving in but does not make it jump out.
 */
export function clampToContent(
  start: LayoutBox,
  proposed: LayoutBox,
  content: ContainerContent,
  padding: ContentPadding,
): LayoutBox {
  const x = clampRange(
    rangeOf(start.x, start.w),
    rangeOf(proposed.x, proposed.w),
    content.x,
    padding.left,
    padding.right,
  )
  const y = clampRange(
    rangeOf(start.y, start.h),
    rangeOf(proposed.y, proposed.h),
    content.y,
    padding.top,
    padding.bottom,
  )
  return { x: x.min, y: y.min, w: x.max - x.min, h: y.max - y.min }
}
