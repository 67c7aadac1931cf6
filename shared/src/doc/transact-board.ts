import type * as Y from 'yjs'
import type { DocOrigin } from './origin.ts'

/**
 * Runs `write` as one transaction on a board doc, under `origin`. The doc/ write functions called inside
 * join it (Yjs keeps the outer transaction's origin), so several writes go out as one update, reach
 * observers once, and are one step for an undo manager tracking `origin`.
 */
export function transactBoard(doc: Y.Doc, origin: DocOrigin, write: () => void): void {
  doc.transact(write, origin)
}
