import type * as Y from 'yjs'
import { BOARD_ROOT_NAMES } from './doc-maps.ts'
import { rootNamed, rootNameOf, rootOf } from './yjs-internals.ts'

/**
 * A top-level type outside the board layout that a transaction wrote: the name the doc holds it under,
 * or null when it holds it under none.
 */
export type ForeignRoot = { name: string | null }

/**
 * The first top-level type a transaction changed, at any depth, that is not one of the board's roots
 * (`BOARD_ROOT_NAMES`); null when it wrote inside the layout only. The cost is the size of the change.
 * Declare the roots first (`declareBoardRoots`): a root an update created as a placeholder is replaced
 * when asked for by type, and would then look foreign.
 */
export function foreignRootTouchedBy(transaction: Y.Transaction): ForeignRoot | null {
  const doc = transaction.doc
  const roots = new Set<unknown>(BOARD_ROOT_NAMES.map((name) => rootNamed(doc, name)))
  for (const type of transaction.changed.keys()) {
    const root = rootOf(type)
    if (!roots.has(root)) return { name: rootNameOf(doc, root) }
  }
  return null
}
