/**
 * The draft as the layout sees it: every node as a box of the size it will have on the board, in the
 * container it will be drawn in (a note without container or bounds: that of the node its
 * `meta.nearNodeId` names), and the edges that should pull boxes together (the draft's edges,
 * plus one from a note to the node its `meta.nearNodeId` names).
 */
import { workflowShapeDefaultProps } from '../../schema/workflow-shapes.ts'
import type { DraftBounds, DraftContainer, DraftNode, FlowDraft } from '../flow-draft.ts'
import { NOTE_SIDE } from '../note-size.ts'
import type { LayeredEdge } from './elk-layered.ts'
import { groupBy } from './group-by.ts'

export type Box = { x: number; y: number; w: number; h: number }

export type LayoutNode = {
  readonly id: string
  readonly w: number
  readonly h: number
  /** The container it is drawn in: its own, or for a note without one, that of the node it sits by. */
  readonly containerId: string | null
  readonly bounds: DraftBounds | null
}

export type LayoutGraph = {
  readonly nodes: readonly LayoutNode[]
  readonly edges: readonly LayeredEdge[]
}

/** Containers grouped by pool, pools in the order their first member comes; a container without pool is one alone. */
export function poolsOf(containers: readonly DraftContainer[]): DraftContainer[][] {
  return [
    ...groupBy(containers, (c) => (c.pool === null ? `alone:${c.id}` : `pool:${c.kind}:${c.pool}`)).values(),
  ]
}

/** The size a node has on the board: its source's, except a note, which tldraw draws as a fixed square. */
export function nodeSize(node: DraftNode): { w: number; h: number } {
  if (node.kind === 'note') return { w: NOTE_SIDE, h: NOTE_SIDE }
  if (node.bounds !== null) return { w: node.bounds.w, h: node.bounds.h }
  const defaults = workflowShapeDefaultProps[node.kind]
  return { w: defaults.w, h: defaults.h }
}

/** The node a note is attached to: the one `meta.nearNodeId` names, else the other end of its first edge. */
function anchorOf(node: DraftNode, draft: FlowDraft, known: ReadonlySet<string>): string | null {
  const near = node.meta.nearNodeId
  if (typeof near === 'string' && known.has(near)) return near
  for (const edge of draft.edges) {
    if (edge.from === node.id && edge.to !== null && known.has(edge.to)) return edge.to
    if (edge.to === node.id && edge.from !== null && known.has(edge.from)) return edge.from
  }
  return null
}

export function layoutGraph(draft: FlowDraft): LayoutGraph {
  const known = new Set(draft.nodes.map((node) => node.id))
  const containers = new Set(draft.containers.map((container) => container.id))
  const containerOf = new Map(
    draft.nodes.map((node) => [
      node.id,
      node.containerId !== null && containers.has(node.containerId) ? node.containerId : null,
    ]),
  )
  const edges: LayeredEdge[] = []
  for (const edge of draft.edges) {
    if (edge.from !== null && edge.to !== null && known.has(edge.from) && known.has(edge.to)) {
      edges.push({ from: edge.from, to: edge.to })
    }
  }
  const nodes = draft.nodes.map((node): LayoutNode => {
    let containerId = containerOf.get(node.id) ?? null
    if (node.kind === 'note') {
      const anchor = anchorOf(node, draft, known)
      const near = node.meta.nearNodeId
      if (anchor !== null && typeof near === 'string' && anchor === near)
        edges.push({ from: anchor, to: node.id })
      // Only a note the source placed by nothing joins its anchor's container: one drawn outside
      // every container, or one a source says sits in none (a Mermaid export's), stays outside.
      if (containerId === null && node.bounds === null && anchor !== null && anchor === near)
        containerId = containerOf.get(anchor) ?? null
    }
    return { id: node.id, ...nodeSize(node), containerId, bounds: node.bounds }
  })
  return { nodes, edges }
}
