import type { TLParentId, TLShape } from '@tldraw/tlschema'
import type { BoardRepair } from './board-repairs.ts'

/**
 * New parents that make the shape tree a tree again. Deterministic whatever the input order, so every
 * client that sees the same records writes the same repair and all converge:
 * - a shape whose parent is neither a shape nor a page goes to the fallback page;
 * - in each parent cycle, the shape with the largest id goes to the fallback page.
 * The fallback page is the page with the smallest id. Parent links form a functional graph (one
 * parent per shape), so its cycles are disjoint and found in one O(shapes) pass.
 */
export function parentRepairs(
  shapes: ReadonlyMap<string, TLShape>,
  pageIds: readonly string[],
): { parents: Map<string, TLParentId>; repairs: BoardRepair[] } {
  const parents = new Map<string, TLParentId>()
  const repairs: BoardRepair[] = []
  const fallbackPage = [...pageIds].sort()[0] as TLParentId | undefined
  if (fallbackPage === undefined) return { parents, repairs }
  const pages = new Set(pageIds)

  for (const shape of shapes.values()) {
    if (!shapes.has(shape.parentId) && !pages.has(shape.parentId)) {
      parents.set(shape.id, fallbackPage)
      repairs.push({
        recordId: shape.id,
        problem: 'missing-parent',
        detail: `parent ${shape.parentId} no longer exists; moved to ${fallbackPage}`,
      })
    }
  }

  const state = new Map<string, 'walking' | 'done'>()
  for (const start of shapes.keys()) {
    if (state.has(start)) continue
    const path: string[] = []
    let current: string | undefined = start
    while (current !== undefined && shapes.has(current) && !state.has(current)) {
      state.set(current, 'walking')
      path.push(current)
      const repaired = parents.get(current)
      current = repaired ?? shapes.get(current)!.parentId
    }
    if (current !== undefined && state.get(current) === 'walking') {
      const found = path.slice(path.indexOf(current))
      const largest = [...found].sort().at(-1)!
      // Told from the largest id on, so the detail is the same whichever shape the walk began at.
      const at = found.indexOf(largest)
      const cycle = [...found.slice(at), ...found.slice(0, at)]
      parents.set(largest, fallbackPage)
      repairs.push({
        recordId: largest,
        problem: 'parent-cycle',
        detail: `parents ${cycle.join(' → ')} → ${largest} form a cycle; the largest id moved to ${fallbackPage}`,
      })
    }
    for (const id of path) state.set(id, 'done')
  }
  return { parents, repairs }
}
