/**
 * BPMNDI looked up by the element it draws: a shape's bounds (and whether a subprocess is drawn
 * expanded), an edge's waypoints. Every diagram of the file is read, so a file whose pools sit on
 * several planes still finds each one's geometry.
 */
import type { ModdleElement } from 'bpmn-moddle'
import type { DraftBounds } from '../flow-draft.ts'
import { idOf, manyOf, oneOf } from './moddle-read.ts'

export type DiagramShape = { readonly bounds: DraftBounds; readonly expanded: boolean | null }
export type Waypoint = { readonly x: number; readonly y: number }

export type DiagramIndex = {
  /** Whether the file has any diagram element at all. */
  readonly present: boolean
  shape(elementId: string): DiagramShape | null
  waypoints(elementId: string): readonly Waypoint[] | null
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function boundsOf(shape: ModdleElement): DraftBounds | null {
  const bounds = oneOf(shape, 'bounds')
  if (bounds === null) return null
  const x = finite(bounds.x)
  const y = finite(bounds.y)
  const w = finite(bounds.width)
  const h = finite(bounds.height)
  if (x === null || y === null || w === null || h === null || w < 0 || h < 0) return null
  return { x, y, w, h }
}

function waypointsOf(edge: ModdleElement): Waypoint[] | null {
  const points: Waypoint[] = []
  for (const point of manyOf(edge, 'waypoint')) {
    const x = finite(point.x)
    const y = finite(point.y)
    if (x === null || y === null) return null
    points.push({ x, y })
  }
  return points.length >= 2 ? points : null
}

export function indexDiagrams(definitions: ModdleElement): DiagramIndex {
  const shapes = new Map<string, DiagramShape>()
  const edges = new Map<string, Waypoint[]>()
  for (const diagram of manyOf(definitions, 'diagrams')) {
    const plane = oneOf(diagram, 'plane')
    if (plane === null) continue
    for (const drawn of manyOf(plane, 'planeElement')) {
      const element = oneOf(drawn, 'bpmnElement')
      const id = element === null ? null : idOf(element)
      if (id === null) continue
      if (drawn.$type === 'bpmndi:BPMNShape' && !shapes.has(id)) {
        const bounds = boundsOf(drawn)
        const expanded = typeof drawn.isExpanded === 'boolean' ? drawn.isExpanded : null
        if (bounds !== null) shapes.set(id, { bounds, expanded })
      } else if (drawn.$type === 'bpmndi:BPMNEdge' && !edges.has(id)) {
        const points = waypointsOf(drawn)
        if (points !== null) edges.set(id, points)
      }
    }
  }
  return {
    present: shapes.size > 0 || edges.size > 0,
    shape: (id) => shapes.get(id) ?? null,
    waypoints: (id) => edges.get(id) ?? null,
  }
}
