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

/**
 * One axis of `clampToContent`: the proposed range widened so it holds the content with padding, but
 * never past where the range started.
 */
function clampAxis(
  axis: 'x' | 'y',
  start: LayoutBox,
  proposed: LayoutBox,
  content: ContainerContent,
  padding: ContentPadding,
): ContentRange {
  const size = axis === 'x' ? 'w' : 'h'
  const range = content[axis]
  const min = proposed[axis]
  const max = proposed[axis] + proposed[size]
  if (range === null) return { min, max }
  const [padLo, padHi] = axis === 'x' ? [padding.left, padding.right] : [padding.top, padding.bottom]
  return {
    min: Math.min(min, Math.max(start[axis], range.min - padLo)),
    max: Math.max(max, Math.min(start[axis] + start[size], range.max + padHi)),
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
  const x = clampAxis('x', start, proposed, content, padding)
  const y = clampAxis('y', start, proposed, content, padding)
  return { x: x.min, y: y.min, w: x.max - x.min, h: y.max - y.min }
}
