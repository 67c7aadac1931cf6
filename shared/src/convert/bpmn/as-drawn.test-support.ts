/**
 * A foreign file's draft in the file's own diagram coordinates: `fitForeignDiagram` undone, so the reader's
 * tests assert the numbers written in the fixtures (and rounding keeps 310 × 2.2 ÷ 2.2 at 310).
 */
import type { DraftBounds, FlowDraft } from '../flow-draft.ts'
import { FOREIGN_DIAGRAM_SCALE, foreignLaneShift } from './foreign-diagram-fit.ts'

const round = (value: number) => Math.round(value * 1e6) / 1e6

export function asDrawn(draft: FlowDraft): FlowDraft {
  const shift = foreignLaneShift(draft.containers)
  const back = (b: DraftBounds, dx: number, dw: number): DraftBounds => ({
    x: round((b.x - dx) / FOREIGN_DIAGRAM_SCALE),
    y: round(b.y / FOREIGN_DIAGRAM_SCALE),
    w: round((b.w - dw) / FOREIGN_DIAGRAM_SCALE),
    h: round(b.h / FOREIGN_DIAGRAM_SCALE),
  })
  return {
    ...draft,
    containers: draft.containers.map((c) =>
      c.bounds === null
        ? c
        : { ...c, bounds: c.kind === 'lane' ? back(c.bounds, 0, shift) : back(c.bounds, shift, 0) },
    ),
    nodes: draft.nodes.map((n) => (n.bounds === null ? n : { ...n, bounds: back(n.bounds, shift, 0) })),
    edges: draft.edges.map((e) =>
      e.waypoints === null
        ? e
        : {
            ...e,
            waypoints: e.waypoints.map((p) => ({
              x: round((p.x - shift) / FOREIGN_DIAGRAM_SCALE),
              y: round(p.y / FOREIGN_DIAGRAM_SCALE),
            })),
          },
    ),
  }
}
