import { getIndicesBetween, type IndexKey } from '@tldraw/utils'
import type { BoardRepair } from './board-repairs.ts'

export type Sibling = { id: string; parentId: string; index: IndexKey }

/**
 * New indices for siblings that share one. Among siblings with equal index the smallest id keeps
 * it; the others get fresh keys between it and the next larger index of that parent, in id order.
 * Sorting by (index, id) first makes the result independent of input order.
 */
export function indexRepairs(siblings: Iterable<Sibling>): {
  indices: Map<string, IndexKey>
  repairs: BoardRepair[]
} {
  const byParent = new Map<string, Sibling[]>()
  for (const sibling of siblings) {
    const group = byParent.get(sibling.parentId)
    if (group) group.push(sibling)
    else byParent.set(sibling.parentId, [sibling])
  }
  const indices = new Map<string, IndexKey>()
  const repairs: BoardRepair[] = []
  for (const group of byParent.values()) {
    if (group.length < 2) continue
    group.sort((a, b) => compare(a.index, b.index) || compare(a.id, b.id))
    for (let first = 0; first < group.length; ) {
      let end = first + 1
      while (end < group.length && group[end]!.index === group[first]!.index) end++
      if (end - first > 1) {
        const shared = group[first]!.index
        const above = end < group.length ? group[end]!.index : null
        const fresh = getIndicesBetween(shared, above, end - first - 1)
        for (let i = first + 1; i < end; i++) {
          const sibling = group[i]!
          indices.set(sibling.id, fresh[i - first - 1]!)
          repairs.push({
            recordId: sibling.id,
            problem: 'duplicate-index',
            detail: `index ${shared} is also ${group[first]!.id}'s; moved to ${fresh[i - first - 1]}`,
          })
        }
      }
      first = end
    }
  }
  return { indices, repairs }
}

// Fractional indices compare by code unit, not by locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
