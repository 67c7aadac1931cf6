/**
 * The waypoints of an exported edge. Flowmap connectors are bound to shapes and routed by the canvas, so
 * the board holds no bend points: an edge runs straight from centre to centre, cut where it leaves the
 * source's outline and enters the target's (a box for steps and artifacts, a diamond for decisions, an
 * ellipse for events), which is where a BPMN modeler expects an edge to touch its shapes.
 */
import type { PageBounds, PagePoint } from './page-geometry.ts'

export type Outline = 'box' | 'diamond' | 'ellipse'

/** One end of an edge: a shape's box and outline, or a point (a loose end). */
export type EdgeEnd = { bounds: PageBounds; outline: Outline } | { point: PagePoint }

function centreOf(end: EdgeEnd): PagePoint {
  if ('point' in end) return end.point
  const { x, y, w, h } = end.bounds
  return { x: x + w / 2, y: y + h / 2 }
}

/** Where the ray from the shape's centre toward `toward` crosses its outline (the centre when they meet). */
function borderPoint(end: EdgeEnd, toward: PagePoint): PagePoint {
  const centre = centreOf(end)
  if ('point' in end) return centre
  const dx = toward.x - centre.x
  const dy = toward.y - centre.y
  const hw = end.bounds.w / 2
  const hh = end.bounds.h / 2
  if ((dx === 0 && dy === 0) || hw <= 0 || hh <= 0) return centre
  const ax = Math.abs(dx) / hw
  const ay = Math.abs(dy) / hh
  const reach =
    end.outline === 'box' ? Math.max(ax, ay) : end.outline === 'diamond' ? ax + ay : Math.hypot(ax, ay)
  return { x: round(centre.x + dx / reach), y: round(centre.y + dy / reach) }
}

/** Two decimals: enough for a drawing, and stable text in the file. */
function round(value: number): number {
  return Math.round(value * 100) / 100
}

export function edgeWaypoints(from: EdgeEnd, to: EdgeEnd): [PagePoint, PagePoint] {
  return [borderPoint(from, centreOf(to)), borderPoint(to, centreOf(from))]
}
