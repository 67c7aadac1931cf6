import type { VecLike } from 'tldraw'

type LabelBox = { x: number; y: number; w: number; h: number }

/** Room between a connector's line and its label, in page units. */
export const LABEL_GAP = 6

/**
 * How far to move a connector's label so that it sits beside its line instead of on it: tldraw puts
 * the label's centre on the line and cuts the line under it, which hides where the line goes, and on
 * an elbow connector's short middle leg hides the leg. The label moves off the segment it sits on,
 * above a mostly horizontal one and to the right of a mostly vertical one (where people look for a
 * branch's "yes"), by half its extent across the line plus LABEL_GAP. `line` is the line as points
 * (tldraw's body geometry vertices: two for a straight line, the route for an elbow, samples for an arc).
 */
export function labelOffsetBeside(line: readonly VecLike[], label: LabelBox, gap = LABEL_GAP): VecLike {
  const center = { x: label.x + label.w / 2, y: label.y + label.h / 2 }
  const segment = nearestSegment(line, center)
  if (!segment) return { x: 0, y: 0 }
  const dx = segment[1].x - segment[0].x
  const dy = segment[1].y - segment[0].y
  const length = Math.hypot(dx, dy)
  if (length === 0) return { x: 0, y: 0 }
  // The normal of the segment, turned up for a mostly horizontal line and right for a vertical one.
  let nx = -dy / length
  let ny = dx / length
  const horizontal = Math.abs(dx) >= Math.abs(dy)
  if ((horizontal && ny > 0) || (!horizontal && nx < 0)) {
    nx = -nx
    ny = -ny
  }
  const distance = (Math.abs(nx) * label.w) / 2 + (Math.abs(ny) * label.h) / 2 + gap
  return { x: nx * distance, y: ny * distance }
}

function nearestSegment(line: readonly VecLike[], point: VecLike): [VecLike, VecLike] | null {
  let best: [VecLike, VecLike] | null = null
  let bestDistance = Number.POSITIVE_INFINITY
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!
    const b = line[i]!
    const distance = distanceToSegment(point, a, b)
    if (distance < bestDistance) {
      bestDistance = distance
      best = [a, b]
    }
  }
  return best
}

function distanceToSegment(p: VecLike, a: VecLike, b: VecLike): number {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const lengthSquared = dx * dx + dy * dy
  const t =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared))
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
}
