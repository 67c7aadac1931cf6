import type { MapContent } from '../map-content.ts'

/** A board as a Mermaid flowchart. */
export function boardToMermaid(_board: MapContent): string {
  throw new Error('Mermaid export is not built yet')
}
