import type { TLRecord, TLShape } from '@tldraw/tlschema'
import type { BoardRepair, BoardRepairs } from './board-repairs.ts'
import { indexRepairs } from './index-repairs.ts'
import { parentRepairs } from './parent-repairs.ts'

/**
 * The deterministic repair every client applies after merging remote changes, so that all converge
 * on the same valid board (concurrent edits can produce states no single person made). Pure and O(records): the
 * same records in any order give the same repairs, and applying them leaves nothing to repair.
 *
 * 1. Parents: orphans and one shape per parent cycle move to the first page (parent-repairs.ts).
 * 2. Bindings whose arrow or target is gone are removed.
 * 3. Siblings (under their repaired parent) that share an index get fresh ones (index-repairs.ts).
 */
export function findBoardRepairs(records: Iterable<TLRecord>): BoardRepairs {
  const shapes = new Map<string, TLShape>()
  const pages: Array<{ id: string; index: string }> = []
  const bindings: Array<{ id: string; fromId: string; toId: string }> = []
  for (const record of records) {
    if (record.typeName === 'shape') shapes.set(record.id, record)
    else if (record.typeName === 'page') pages.push(record)
    else if (record.typeName === 'binding') bindings.push(record)
  }

  const { parents, repairs: parentFixes } = parentRepairs(
    shapes,
    pages.map((page) => page.id),
  )

  const removed: string[] = []
  const bindingFixes: BoardRepair[] = []
  for (const binding of bindings) {
    const missing = [binding.fromId, binding.toId].filter((id) => !shapes.has(id))
    if (missing.length === 0) continue
    removed.push(binding.id)
    bindingFixes.push({
      recordId: binding.id,
      problem: 'dangling-binding',
      detail: `binds ${missing.join(' and ')}, which no longer exist${missing.length === 1 ? 's' : ''}`,
    })
  }

  const siblings = [...shapes.values()].map((shape) => ({
    id: shape.id as string,
    parentId: (parents.get(shape.id) ?? shape.parentId) as string,
    index: shape.index,
  }))
  const { indices, repairs: indexFixes } = indexRepairs(siblings)

  const upserted: TLRecord[] = []
  for (const id of new Set([...parents.keys(), ...indices.keys()])) {
    const shape = shapes.get(id)!
    upserted.push({
      ...shape,
      parentId: parents.get(id) ?? shape.parentId,
      index: indices.get(id) ?? shape.index,
    })
  }
  const byId = (a: { recordId: string }, b: { recordId: string }) => (a.recordId < b.recordId ? -1 : 1)
  return {
    upserted: upserted.sort((a, b) => (a.id < b.id ? -1 : 1)),
    removed: removed.sort(),
    repairs: [...parentFixes, ...bindingFixes, ...indexFixes].sort(byId),
  }
}
