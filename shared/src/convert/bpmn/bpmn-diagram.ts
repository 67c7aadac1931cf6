/**
 * The BPMNDI of an export: one plane on the collaboration, the pool's shape around everything drawn, a
 * shape per element with a place on the canvas (bounds in page coordinates) and an edge per connector.
 */
import type { ModdleElement } from 'bpmn-moddle'
import type { PageBounds, PagePoint } from './page-geometry.ts'

export type DrawnShape = { element: ModdleElement; bounds: PageBounds; horizontal?: boolean }
export type DrawnEdge = { element: ModdleElement; waypoints: readonly PagePoint[] }

export type Drawing = {
  create(type: string, attributes: Record<string, unknown>): ModdleElement
  freshId(base: string): string
  collaboration: ModdleElement
  participant: ModdleElement
  shapes: readonly DrawnShape[]
  edges: readonly DrawnEdge[]
}

/** The band on a pool's left that names it (bpmn-js draws lanes from 30 units inside their pool). */
const POOL_NAME_BAND = 30

export function buildDiagram(drawing: Drawing): ModdleElement {
  const { create, freshId, collaboration, participant } = drawing
  const bounds = (b: PageBounds) => create('dc:Bounds', { x: b.x, y: b.y, width: b.w, height: b.h })
  const point = (p: PagePoint) => create('dc:Point', { x: p.x, y: p.y })
  const pool = poolBounds(drawing.shapes.map((drawn) => drawn.bounds))
  const planeElements: ModdleElement[] = [
    create('bpmndi:BPMNShape', {
      id: freshId(`${participant.id as string}_di`),
      bpmnElement: participant,
      isHorizontal: true,
      bounds: bounds(pool),
    }),
  ]
  // Lanes first: a renderer that paints in DI order (not every one follows the semantic tree, as bpmn-js
  // does) then draws the cards over their lanes, as the board does.
  const lanesFirst = [
    ...drawing.shapes.filter((drawn) => drawn.horizontal),
    ...drawing.shapes.filter((drawn) => !drawn.horizontal),
  ]
  for (const drawn of lanesFirst) {
    planeElements.push(
      create('bpmndi:BPMNShape', {
        id: freshId(`${drawn.element.id as string}_di`),
        bpmnElement: drawn.element,
        isHorizontal: drawn.horizontal,
        bounds: bounds(drawn.bounds),
      }),
    )
  }
  for (const drawn of drawing.edges) {
    planeElements.push(
      create('bpmndi:BPMNEdge', {
        id: freshId(`${drawn.element.id as string}_di`),
        bpmnElement: drawn.element,
        waypoint: drawn.waypoints.map(point),
      }),
    )
  }
  return create('bpmndi:BPMNDiagram', {
    id: freshId('Diagram_board'),
    plane: create('bpmndi:BPMNPlane', {
      id: freshId('Plane_board'),
      bpmnElement: collaboration,
      planeElement: planeElements,
    }),
  })
}

/** The pool around everything drawn, with its name band on the left; a default box for an empty board. */
function poolBounds(all: readonly PageBounds[]): PageBounds {
  if (all.length === 0) return { x: 0, y: 0, w: 600, h: 250 }
  const left = all.reduce((least, b) => Math.min(least, b.x), Number.POSITIVE_INFINITY)
  const top = all.reduce((least, b) => Math.min(least, b.y), Number.POSITIVE_INFINITY)
  const right = all.reduce((most, b) => Math.max(most, b.x + b.w), Number.NEGATIVE_INFINITY)
  const bottom = all.reduce((most, b) => Math.max(most, b.y + b.h), Number.NEGATIVE_INFINITY)
  return { x: left - POOL_NAME_BAND, y: top, w: right - left + POOL_NAME_BAND, h: bottom - top }
}
