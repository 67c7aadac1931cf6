/**
 * Another modeler's diagram, sized for Flowmap's cards. bpmn.io, Camunda Modeler and Signavio draw a task
 * 100 × 80 with small type and name a lane in a 30-unit band; a Flowmap card is 220 wide with larger type
 * and a lane's name band is 132 wide. Kept as drawn, their labels wrap to a letter or two a line and the
 * first card of a lane sits under its name. So the whole drawing is scaled by one factor (a task becomes a
 * card's width; every proportion, distance and alignment of the drawing is kept), and everything a lane
 * holds moves right by what its name band still lacks, the lanes growing by as much.
 *
 * Only for files Flowmap did not write: our own export's geometry is the board's, and comes back exact.
 */
import type { DraftBounds, DraftContainer, DraftEdge, DraftNode } from '../flow-draft.ts'

/** A modeler's task width (100) to a Flowmap step's (220). */
export const FOREIGN_DIAGRAM_SCALE = 2.2
/** The name band other modelers draw on a lane's left, and the one a Flowmap lane has. */
const FOREIGN_LANE_BAND = 30
const LANE_BAND = 132

type Parts = {
  containers: readonly DraftContainer[]
  nodes: readonly DraftNode[]
  edges: readonly DraftEdge[]
}

/** How far right what a lane holds moves, so it clears the lane's name band: none without drawn lanes. */
export function foreignLaneShift(containers: readonly DraftContainer[]): number {
  const hasLanes = containers.some((container) => container.kind === 'lane' && container.bounds !== null)
  return hasLanes ? Math.max(0, LANE_BAND - FOREIGN_LANE_BAND * FOREIGN_DIAGRAM_SCALE) : 0
}

export function fitForeignDiagram({ containers, nodes, edges }: Parts): Parts {
  const shift = foreignLaneShift(containers)
  const scaled = (b: DraftBounds, dx: number, dw: number): DraftBounds => ({
    x: b.x * FOREIGN_DIAGRAM_SCALE + dx,
    y: b.y * FOREIGN_DIAGRAM_SCALE,
    w: b.w * FOREIGN_DIAGRAM_SCALE + dw,
    h: b.h * FOREIGN_DIAGRAM_SCALE,
  })
  return {
    containers: containers.map((container) =>
      container.bounds === null
        ? container
        : {
            ...container,
            bounds:
              container.kind === 'lane'
                ? scaled(container.bounds, 0, shift)
                : scaled(container.bounds, shift, 0),
          },
    ),
    nodes: nodes.map((node) =>
      node.bounds === null ? node : { ...node, bounds: scaled(node.bounds, shift, 0) },
    ),
    edges: edges.map((edge) =>
      edge.waypoints === null
        ? edge
        : {
            ...edge,
            waypoints: edge.waypoints.map((p) => ({
              x: p.x * FOREIGN_DIAGRAM_SCALE + shift,
              y: p.y * FOREIGN_DIAGRAM_SCALE,
            })),
          },
    ),
  }
}
