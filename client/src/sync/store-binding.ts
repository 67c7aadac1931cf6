/**
 * Keeps a tldraw store and a board's Y.Doc in step, through @flowmap/shared's doc functions only.
 *
 * 1. Local edits (store changes with source 'user', document scope) are written to the doc with this
 *    binding's own origin, in one transaction per store flush. An updated record is written as what the
 *    edit changed (`patchRecord`), so a remote change the store has not seen yet keeps its keys.
 * 2. Doc changes with any other origin (the server via Hocuspocus, y-dexie loading, another tab, a
 *    migration) are put into the store inside `store.mergeRemoteChanges`: tldraw marks them 'remote', so
 *    they never enter the local undo stack and the listener in step 1 never writes them back (no echo).
 * 3. Before a remote change is applied, local edits the store has not reported yet (it reports a frame
 *    late) are flushed into the doc first; the touched records are then read back from the doc, which
 *    now holds both sides, so neither overwrites the other.
 * 4. After a remote change that could break the board's structure, the shared deterministic repair
 *    runs (board-repair.ts).
 */
import {
  type DocOrigin,
  deleteRecords,
  isCommentRecordType,
  observeRecords,
  patchRecord,
  readBoard,
  readRecord,
  readWorkshopField,
  transactBoard,
  viewerCommentsField,
  writeBoard,
  writeRecords,
} from '@flowmap/shared'
import type { RecordsDiff, TLRecord, TLStore } from 'tldraw'
import { isEqual } from 'tldraw'
import type * as Y from 'yjs'
import { isStructuralChange, repairBoard } from './board-repair.ts'
import { putRemoteRecords } from './put-remote-records.ts'
import { isDocumentScoped, isWrittenToBoard, needsMigration, prepareForStore } from './store-records.ts'
import type { UndoGuard } from './undo-guard.ts'
import { isBoardContent, rollBackViewOnlyChange } from './view-only-rollback.ts'

export interface StoreBinding {
  /** The origin of every transaction this binding writes; compare by identity. */
  readonly origin: DocOrigin
  /** Writes local edits the store has not reported yet. */
  flushLocalChanges(): void
  dispose(): void
}

export interface StoreBindingOptions {
  readonly store: TLStore
  readonly doc: Y.Doc
  /** A record in the doc that the store cannot take (invalid, unmigratable); it is left out. */
  onRejectedRecord?(message: string): void
  /** Told of every remote record put into the store, so that undo leaves remote edits alone. */
  readonly undoGuard?: UndoGuard
  /**
   * A viewer's board: the doc is only read. Local store changes (tldraw's own document, page and user
   * records) and repairs stay on this page and never reach the doc; local changes to board content
   * are rolled back (view-only-rollback.ts).
   */
  readonly readOnly?: boolean
  /** Told the ids of the records each local edit changed (the chip counts them: pending-changes.ts). */
  onLocalChange?(recordIds: string[]): void
  /** On a read-only board: told the ids of the records a local change touched and that were put back. */
  onViewOnlyRollback?(recordIds: string[]): void
}

export function bindStoreToDoc(options: StoreBindingOptions): StoreBinding {
  const { store, doc } = options
  const origin: DocOrigin = Object.freeze({ source: 'local', clientTag: `store-binding:${doc.clientID}` })
  let disposed = false

  // The first local edit also writes the store's document-scoped records the doc lacks (the document
  // and default page tldraw creates by itself), not earlier: on a device that has not synced yet, an
  // eager write could overwrite the server's page name with tldraw's default.
  let seeded = false
  const seedMissingRecords = (upserts: TLRecord[]) => {
    seeded = true
    for (const record of store.allRecords()) {
      if (isWrittenToBoard(store, record) && !readRecord(doc, record.id)) upserts.push(record)
    }
  }

  // Whether the store holds shapes or bindings: until it does, a remote batch is the board's first
  // fill and goes in as a snapshot load (put-remote-records.ts says why).
  let holdsContent = store.allRecords().some(isBoardContent)

  let localWrites = 0
  /** `commentsOnly`: a viewer's comment records (viewer-comments.ts), never seeding page or schema. */
  const writeLocalChanges = (changes: RecordsDiff<TLRecord>, commentsOnly = false) => {
    const added = Object.values(changes.added).filter((record) => isWrittenToBoard(store, record))
    const updated = Object.values(changes.updated).filter(([, to]) => isWrittenToBoard(store, to))
    const removed = Object.values(changes.removed)
      .filter((record) => isWrittenToBoard(store, record))
      .map((record) => record.id)
    // A change made only of records the board does not keep (tldraw's user record, written when the
    // editor mounts) is no edit: it must not seed the page and document into a doc not synced yet.
    if (added.length + updated.length + removed.length === 0) return
    localWrites++
    holdsContent ||= added.some(isBoardContent)
    transactBoard(doc, origin, () => {
      const upserts: TLRecord[] = added
      if (!seeded && !commentsOnly) seedMissingRecords(upserts)
      if (upserts.length > 0) writeRecords(doc, upserts, origin)
      for (const [from, to] of updated) patchRecord(doc, to.id, from, to, origin)
      if (removed.length > 0) deleteRecords(doc, removed, origin)
      options.onLocalChange?.([...Object.keys(changes.added), ...Object.keys(changes.updated), ...removed])
      // The doc says which schema its records follow; a board first written here gets ours.
      if (!commentsOnly && upserts.length + updated.length > 0 && readBoard(doc).schema === null) {
        writeBoard(doc, { schema: store.schema.serialize() }, origin)
      }
    })
  }

  const stopListening = store.listen(
    ({ changes }) => {
      if (disposed) return
      if (!options.readOnly) {
        writeLocalChanges(changes)
        return
      }
      // A viewer may comment where the facilitator allows it: those records go to the doc, the rest back.
      if (readWorkshopField(doc, viewerCommentsField) === true)
        writeLocalChanges(commentChanges(changes), true)
      const rolledBack = rollBackViewOnlyChange(store, changes)
      if (rolledBack.length > 0) options.onViewOnlyRollback?.(rolledBack)
    },
    { source: 'user', scope: 'document' },
  )

  const stopObserving = observeRecords(doc, (change, transactionOrigin) => {
    if (disposed || transactionOrigin === origin) return
    const writesBefore = localWrites
    store._flushHistory()
    // Unless the flush wrote local edits into the doc, the records observeRecords read are current;
    // after such a write, read the touched ones again: the doc now holds both sides.
    const upserted: TLRecord[] = []
    const removals: TLRecord['id'][] = []
    for (const record of change.upserted) {
      const current = localWrites === writesBefore ? record : readRecord(doc, record.id)
      if (current) upserted.push(current)
      else if (store.has(record.id)) removals.push(record.id)
    }
    const schema = readBoard(doc).schema
    const migrateFrom = needsMigration(store, schema) ? schema : null
    const puts: TLRecord[] = []
    for (const record of upserted) {
      if (!isDocumentScoped(store, record)) continue
      const prepared = prepareForStore(store, record, migrateFrom)
      if (!prepared.ok) {
        options.onRejectedRecord?.(prepared.message)
        continue
      }
      if (!isEqual(store.get(prepared.record.id), prepared.record)) puts.push(prepared.record)
    }
    for (const id of change.removed) {
      if (!readRecord(doc, id) && store.has(id as TLRecord['id'])) removals.push(id as TLRecord['id'])
    }
    if (puts.length === 0 && removals.length === 0) return
    const structural = removals.length > 0 || puts.some((record) => isStructuralChange(store, record))
    if (options.undoGuard)
      for (const record of puts) options.undoGuard.noteRemoteChange(store.get(record.id), record)
    putRemoteRecords(store, { removals, puts, asSnapshot: !holdsContent })
    holdsContent ||= puts.some(isBoardContent)
    // The repair's own writes come back through here and find nothing left to repair.
    if (structural && !options.readOnly) repairBoard(store, doc)
  })

  // A board stored or synced before this client saw it may hold a merge's leftovers already.
  if (!options.readOnly) repairBoard(store, doc)

  return {
    origin,
    flushLocalChanges: () => store._flushHistory(),
    dispose: () => {
      if (disposed) return
      store._flushHistory()
      disposed = true
      stopListening()
      stopObserving()
    },
  }
}

/** The part of a change that is comment records (threads, messages, reactions). */
function commentChanges(changes: RecordsDiff<TLRecord>): RecordsDiff<TLRecord> {
  const isComment = (record: TLRecord) => isCommentRecordType(record.typeName)
  const pick = <V>(part: Record<string, V>, record: (value: V) => TLRecord) =>
    Object.fromEntries(Object.entries(part).filter(([, value]) => isComment(record(value))))
  return {
    added: pick(changes.added, (record) => record),
    updated: pick(changes.updated, ([, to]) => to),
    removed: pick(changes.removed, (record) => record),
  } as RecordsDiff<TLRecord>
}
