/** A shape's place in the parent tree, as far as containment by lanes and stages goes. */
export type ShapeParentEntry = { type: string; parentId: string }
export type Containers = { laneId: string | null; stageId: string | null }

const none: Containers = Object.freeze({ laneId: null, stageId: null })

/**
 * Resolves the nearest enclosing lane and stage of every shape by following tldraw `parentId`s (frames
 * and groups in between are passed through). tldraw reparents a shape dropped into a container, so
 * parentage is the containment a person sees. Memoized, so the whole board costs O(shapes); a parent
 * cycle (two concurrent moves) resolves to "no container" instead of looping.
 */
export function createContainerResolver(shapes: ReadonlyMap<string, ShapeParentEntry>) {
  const memo = new Map<string, Containers>()
  const visiting = new Set<string>()

  function containersOfChildrenOf(parentId: string): Containers {
    const parent = shapes.get(parentId)
    if (parent === undefined) return none
    const cached = memo.get(parentId)
    if (cached !== undefined) return cached
    if (visiting.has(parentId)) return none
    visiting.add(parentId)
    const above = containersOfChildrenOf(parent.parentId)
    visiting.delete(parentId)
    const resolved: Containers = {
      laneId: parent.type === 'lane' ? parentId : above.laneId,
      stageId: parent.type === 'stage' ? parentId : above.stageId,
    }
    memo.set(parentId, resolved)
    return resolved
  }

  return containersOfChildrenOf
}
