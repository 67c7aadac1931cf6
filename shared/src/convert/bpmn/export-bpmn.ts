import type { MapContent } from '../map-content.ts'

/** A board as BPMN 2.0 XML: a collaboration with one pool, its lanes, flow elements and BPMNDI. */
export function boardToBpmn(_board: MapContent): string {
  throw new Error('BPMN export is not built yet')
}
