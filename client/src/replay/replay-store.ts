import type { BoardContent } from '@flowmap/shared'
import { FLOWMAP_CUSTOM_RECORDS } from '@flowmap/shared'
import {
  atom,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type TLRecord,
  type TLStore,
} from 'tldraw'
import { WORKFLOW_SHAPE_UTILS } from '../shapes/workflow-shapes.tsx'
import { isDocumentScoped } from '../sync/store-records.ts'

/**
 * The replay's own tldraw store: read-only (tldraw's collaboration mode), bound to nothing. The live
 * board's store and doc are never touched by replay; leaving replay drops this store.
 */
export function createReplayStore(): TLStore {
  return createTLStore({
    shapeUtils: [...defaultShapeUtils, ...WORKFLOW_SHAPE_UTILS],
    bindingUtils: defaultBindingUtils,
    records: FLOWMAP_CUSTOM_RECORDS,
    collaboration: { mode: atom('replay mode', 'readonly' as const), status: null },
  })
}

/**
 * Record types that come and go with the history; pages and the document record stay once shown.
 * Comments are part of a moment: a thread started later is not there earlier.
 */
const TRANSIENT_TYPES = new Set([
  'shape',
  'binding',
  'asset',
  'comment-thread',
  'comment',
  'comment-reaction',
])

/**
 * Shows a past moment in the replay store: puts its document-scoped records, removes shapes, bindings,
 * assets and comments it does not have. Pages are never removed: the earliest moments of a board have no page
 * yet, and tldraw needs one to draw anything. Returns the ids it could not show (invalid records).
 */
export function showContentInStore(store: TLStore, content: BoardContent): string[] {
  const skipped: string[] = []
  const valid: TLRecord[] = []
  for (const record of content.records.values()) {
    if (!isDocumentScoped(store, record)) continue
    try {
      valid.push(store.schema.validateRecord(store, record, 'initialize', null))
    } catch {
      skipped.push(record.id)
    }
  }
  const keep = new Set(valid.map((record) => record.id))
  const stale = store
    .allRecords()
    .filter((record) => TRANSIENT_TYPES.has(record.typeName) && !keep.has(record.id))
    .map((record) => record.id)
  store.mergeRemoteChanges(() => {
    if (stale.length > 0) store.remove(stale)
    if (valid.length > 0) store.put(valid)
  })
  return skipped
}
