/**
 * Imported content written into the open board as ONE edit of the person importing: one Yjs update
 * (one history entry on the server, validated there as any edit is) and one undo step.
 *
 * As a restore from replay is (replay/restore-live-board.ts, which says why): the records go into the
 * editor's store as the person's own change behind one history mark, so tldraw's undo takes them back,
 * and the binding writes them into the doc inside the same transaction as the new roles, which live
 * only in the doc; sync/restore-undo-steps.ts makes the same Ctrl+Z take the roles back too.
 *
 * Records are checked against the store's schema first, a batch per frame with progress, so a file of
 * thousands of elements neither freezes the page nor half-writes: one bad record refuses them all.
 * The write itself is synchronous, in one transaction, because a transaction cannot wait for a frame.
 */
import { type MapContent, readRoles, transactBoard, writeRole } from '@flowmap/shared'
import type { Editor, TLParentId, TLRecord, TLShapeId } from 'tldraw'
import type * as Y from 'yjs'
import { withoutStoreSideEffects } from '../sync/put-remote-records.ts'
import { restoreUndoStepsOf } from '../sync/restore-undo-steps.ts'
import { prepareForStore } from '../sync/store-records.ts'

/** Records checked per frame: small enough that a frame stays short on a slow laptop. */
export const RECORDS_CHECKED_PER_FRAME = 400

export type ImportWrite =
  | { readonly ok: true; readonly shapeIds: readonly TLShapeId[]; readonly newRoles: number }
  | { readonly ok: false; readonly reason: string }

export type WriteProgress = (done: number, total: number) => void

function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => resolve())
    else setTimeout(resolve, 0)
  })
}

/**
 * The content's shapes and bindings as they go onto this board's current page: its page and document
 * records are the file's, not this board's, and what sat on the file's page sits on this one.
 */
function recordsForPage(content: MapContent, pageId: TLParentId): TLRecord[] {
  const records: TLRecord[] = []
  for (const record of content.records) {
    if (record.typeName === 'binding') records.push(record)
    else if (record.typeName === 'shape') {
      records.push(record.parentId.startsWith('page:') ? { ...record, parentId: pageId } : record)
    }
  }
  return records
}

export async function writeImportIntoBoard(
  editor: Editor,
  doc: Y.Doc,
  content: MapContent,
  onProgress: WriteProgress = () => {},
): Promise<ImportWrite> {
  const store = editor.store
  const records = recordsForPage(content, editor.getCurrentPageId())
  const taken = records.find((record) => store.has(record.id))
  if (taken) return { ok: false, reason: `the board already has an element with the id ${taken.id}` }
  const puts: TLRecord[] = []
  for (let start = 0; start < records.length; start += RECORDS_CHECKED_PER_FRAME) {
    onProgress(start, records.length)
    if (start > 0) await nextFrame()
    for (const record of records.slice(start, start + RECORDS_CHECKED_PER_FRAME)) {
      const prepared = prepareForStore(store, record, null)
      if (!prepared.ok) return { ok: false, reason: `nothing was imported: ${prepared.message}` }
      puts.push(prepared.record)
    }
  }
  onProgress(records.length, records.length)
  const known = new Set(readRoles(doc).map((role) => role.id))
  const newRoles = content.roles.filter((role) => !known.has(role.id))
  if (puts.length === 0 && newRoles.length === 0)
    return { ok: false, reason: 'the file holds nothing to import' }
  // Local edits the store has not reported yet go first, as their own update.
  store._flushHistory()
  restoreUndoStepsOf(editor).record(
    doc,
    (origin, atStoppingPoint) => {
      transactBoard(doc, origin, () => {
        for (const role of newRoles) writeRole(doc, role, origin)
        if (puts.length > 0) {
          editor.run(
            () => {
              editor.markHistoryStoppingPoint('import')
              atStoppingPoint()
              // The importer built complete records (owners from lanes, connector styles): the store's
              // side effects would only write them a second time.
              withoutStoreSideEffects(store, () => store.put(puts))
            },
            { history: 'record' },
          )
          // The binding writes the store's change now, into this transaction (nested ones join it).
          store._flushHistory()
        }
      })
    },
    'import',
  )
  // The next edit is an undo step of its own, not part of the import.
  editor.markHistoryStoppingPoint('after import')
  const shapeIds = puts
    .filter((record) => record.typeName === 'shape')
    .map((record) => record.id as TLShapeId)
  return { ok: true, shapeIds, newRoles: newRoles.length }
}
