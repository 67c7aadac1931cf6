/**
 * Where every container and node of a draft goes on the page: the source's own bounds where it gave
 * them, an automatic layout (elkjs) where it did not. A draft with no geometry at all is banded into
 * lanes and stages around ELK's layers (`band-layout.ts`); one with some keeps it exactly and places
 * the rest next to placed neighbours (`anchored-layout.ts`). A stage that holds lanes and has no bounds
 * of its own is then drawn around them (`stages-around-lanes.ts`).
 */
import type { FlowDraft } from '../flow-draft.ts'
import { anchoredLayout } from './anchored-layout.ts'
import { bandLayout, type DraftGeometry } from './band-layout.ts'
import { layoutGraph } from './layout-graph.ts'
import { fitStagesAroundLanes } from './stages-around-lanes.ts'

export type PlacedDraft = DraftGeometry & {
  /** How many containers and nodes had no bounds and were placed by the layout. */
  readonly laidOut: number
  /** The container each node is drawn in (a note without one goes with the node it sits by). */
  readonly containerOf: ReadonlyMap<string, string | null>
}

export async function draftGeometry(draft: FlowDraft): Promise<PlacedDraft> {
  const laidOut =
    draft.containers.filter((container) => container.bounds === null).length +
    draft.nodes.filter((node) => node.bounds === null).length
  const graph = layoutGraph(draft)
  const drawnNothing = laidOut === draft.containers.length + draft.nodes.length
  const geometry = drawnNothing ? await bandLayout(draft, graph) : await anchoredLayout(draft, graph)
  const containerOf = new Map(graph.nodes.map((node) => [node.id, node.containerId]))
  const containers = new Map(geometry.containers)
  fitStagesAroundLanes(draft, containers, geometry.nodes, containerOf)
  return { ...geometry, containers, laidOut, containerOf }
}
