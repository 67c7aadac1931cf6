/**
 * What a group holds. BPMN lists a lane's flow nodes by reference, but a group holds nothing by
 * reference: what it contains is what is drawn inside it. A Flowmap export draws a stage's lanes and
 * cards inside the stage's group, and other modelers draw phases so, so by the diagram:
 * - a lane drawn wholly inside a group sits in that group's stage (`meta.stage`, the draft's key for a
 *   lane's stage);
 * - a node in no lane whose centre is inside a group sits in that group's stage.
 * The smallest such group wins (groups may be drawn inside groups). Without a diagram nothing changes.
 */
import type { DraftBounds, DraftContainer, DraftNode } from '../flow-draft.ts'

/** How far a lane may stick out of its group and still be inside: DI coordinates are often rounded. */
const EDGE_TOLERANCE = 0.5

function holds(outer: DraftBounds, inner: DraftBounds): boolean {
  return (
    inner.x >= outer.x - EDGE_TOLERANCE &&
    inner.y >= outer.y - EDGE_TOLERANCE &&
    inner.x + inner.w <= outer.x + outer.w + EDGE_TOLERANCE &&
    inner.y + inner.h <= outer.y + outer.h + EDGE_TOLERANCE
  )
}

function centre(bounds: DraftBounds): DraftBounds {
  return { x: bounds.x + bounds.w / 2, y: bounds.y + bounds.h / 2, w: 0, h: 0 }
}

export function placeInGroups(
  containers: readonly DraftContainer[],
  nodes: readonly DraftNode[],
): { containers: DraftContainer[]; nodes: DraftNode[] } {
  const groups = containers
    .filter((c) => c.kind === 'stage' && c.meta.bpmnKind === 'group' && c.bounds !== null)
    .sort((a, b) => a.bounds!.w * a.bounds!.h - b.bounds!.w * b.bounds!.h)
  if (groups.length === 0) return { containers: [...containers], nodes: [...nodes] }
  const groupHolding = (bounds: DraftBounds) => groups.find((group) => holds(group.bounds!, bounds))
  return {
    containers: containers.map((container) => {
      if (container.kind !== 'lane' || container.bounds === null || container.meta.stage !== undefined)
        return container
      const group = groupHolding(container.bounds)
      return group === undefined ? container : { ...container, meta: { ...container.meta, stage: group.id } }
    }),
    nodes: nodes.map((node) => {
      if (node.containerId !== null || node.bounds === null) return node
      const group = groupHolding(centre(node.bounds))
      return group === undefined ? node : { ...node, containerId: group.id }
    }),
  }
}
