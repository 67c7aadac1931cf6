/**
 * After a merge, the board can hold states nobody made (a shape whose parent was deleted, a parent
 * cycle, an arrow bound to a deleted shape, two siblings with one index). Every client applies the same
 * deterministic repair from @flowmap/shared (`findBoardRepairs`), so all converge on one valid board;
 * identical writes from several clients merge into the same values.
 *
 * The repair reads the whole board, so it runs only when a remote change could have broken structure:
 * a removal, a binding, or a shape that is new or changed parent or index. Typing and moving do not.
 */
import { type DocOrigin, deleteRecords, findBoardRepairs, transactBoard, writeRecords } from '@flowmap/shared'
import type { TLRecord, TLStore } from 'tldraw'
import type * as Y from 'yjs'
import { isWrittenToBoard } from './store-records.ts'

export const repairOrigin: DocOrigin = Object.freeze({ source: 'local', clientTag: 'board-repair' })

/** True when putting `next` over the store's current record could break the board's structure. */
export function isStructuralChange(store: TLStore, next: TLRecord): boolean {
  if (next.typeName === 'binding') return true
  if (next.typeName !== 'shape') return false
  const current = store.get(next.id)
  return current?.typeName !== 'shape' || current.parentId !== next.parentId || current.index !== next.index
}

/** Repairs the board in the doc (from the store's records, which mirror it); answers what it fixed. */
export function repairBoard(store: TLStore, doc: Y.Doc): string[] {
  // The board's records only: a private-mode draft in the store is not the board's to repair (and a
  // repair would write it into the doc).
  const records = store.allRecords().filter((record) => isWrittenToBoard(store, record))
  const { upserted, removed, repairs } = findBoardRepairs(records)
  if (upserted.length === 0 && removed.length === 0) return []
  transactBoard(doc, repairOrigin, () => {
    if (upserted.length > 0) writeRecords(doc, upserted, repairOrigin)
    if (removed.length > 0) deleteRecords(doc, removed, repairOrigin)
  })
  return repairs.map((repair) => `${repair.recordId}: ${repair.problem} (${repair.detail})`)
}
