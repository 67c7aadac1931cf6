/**
 * A stage that holds lanes (a lane's `meta.stage` names it, as a Mermaid export's stage subgraph or a
 * BPMN group drawn around lanes says) is drawn around them: the lanes are its children on the board,
 * and a child outside its parent reads as belonging elsewhere. A stage the source drew keeps its
 * bounds exactly; one the layout placed (Mermaid has no geometry) is fitted to its lanes and cards.
 */
import type { FlowDraft } from '../flow-draft.ts'
import type { Box } from './layout-graph.ts'

function union(boxes: readonly Box[]): Box {
  const minX = Math.min(...boxes.map((box) => box.x))
  const minY = Math.min(...boxes.map((box) => box.y))
  const maxX = Math.max(...boxes.map((box) => box.x + box.w))
  const maxY = Math.max(...boxes.map((box) => box.y + box.h))
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY }
}

export function fitStagesAroundLanes(
  draft: FlowDraft,
  containers: Map<string, Box>,
  nodes: ReadonlyMap<string, Box>,
  containerOf: ReadonlyMap<string, string | null>,
): void {
  for (const stage of draft.containers) {
    if (stage.kind !== 'stage' || stage.bounds !== null) continue
    const lanes = draft.containers.filter((lane) => lane.kind === 'lane' && lane.meta.stage === stage.id)
    if (lanes.length === 0) continue
    const cards = [...containerOf].filter(([, container]) => container === stage.id).map(([id]) => id)
    containers.set(
      stage.id,
      union([...lanes.map((lane) => containers.get(lane.id)!), ...cards.map((id) => nodes.get(id)!)]),
    )
  }
}
