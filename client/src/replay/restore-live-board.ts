/**
 * A restore from replay, made on the live board as ONE edit of the person restoring: one Yjs update
 * (one history entry on the server) and one undo step, so Ctrl+Z right after it takes the board back.
 *
 * Why through the store and not straight into the doc (shared `restoreBoard`): a doc write from outside
 * the binding reaches the store as a remote change, which tldraw's undo never records, so no Ctrl+Z could
 * take it back. Here the records go into the editor's store as the person's own change, behind one
 * history mark, and the binding writes them into the doc inside the same transaction as the roles and
 * board fields, which live only in the doc.
 *
 * The store's side effects are off while the records go in: the past board already holds what they
 * would do (a step's owner from its lane, a connector's dash), and running them could make the restored
 * board differ from the moment chosen, or write more than one update.
 *
 * Roles and board fields (title, switched-off checks) are restored in the same transaction, and the
 * same Ctrl+Z takes them back too (sync/restore-undo-steps.ts: tldraw's undo covers only the store).
 */
import {
  type BoardContent,
  planRestore,
  type RestoreSummary,
  readBoard,
  transactBoard,
  writeRestoredRolesAndBoard,
} from '@flowmap/shared'
import type { Editor, TLRecord } from 'tldraw'
import type * as Y from 'yjs'
import { withoutStoreSideEffects } from '../sync/put-remote-records.ts'
import { restoreUndoStepsOf } from '../sync/restore-undo-steps.ts'
import { needsMigration, prepareForStore } from '../sync/store-records.ts'

export type LiveRestore =
  | { readonly ok: true; readonly summary: RestoreSummary }
  | { readonly ok: false; readonly reason: string }

export function restoreLiveBoard(editor: Editor, doc: Y.Doc, past: BoardContent): LiveRestore {
  const store = editor.store
  const plan = planRestore(doc, past)
  const schema = readBoard(doc).schema
  const migrateFrom = needsMigration(store, schema) ? schema : null
  const puts: TLRecord[] = []
  for (const record of plan.records.write) {
    const prepared = prepareForStore(store, record, migrateFrom)
    if (!prepared.ok) return { ok: false, reason: `the board was not restored: ${prepared.message}` }
    puts.push(prepared.record)
  }
  const removals = plan.records.remove.filter((id) => store.has(id as TLRecord['id'])) as TLRecord['id'][]
  // Local edits the store has not reported yet are written first, as their own update.
  store._flushHistory()
  // This restore's own origin, so that its undo of the roles and board fields reverts it alone.
  const changesRecords = removals.length > 0 || puts.length > 0
  restoreUndoStepsOf(editor).record(doc, (origin, atStoppingPoint) => {
    transactBoard(doc, origin, () => {
      if (changesRecords) {
        editor.run(
          () => {
            editor.markHistoryStoppingPoint('restore')
            atStoppingPoint()
            withoutStoreSideEffects(store, () => {
              if (removals.length > 0) store.remove(removals)
              if (puts.length > 0) store.put(puts)
            })
          },
          { history: 'record', ignoreShapeLock: true },
        )
        // The binding writes the store's change now, into this transaction (nested ones join it).
        store._flushHistory()
      }
      writeRestoredRolesAndBoard(doc, plan, origin)
    })
  })
  // The next edit is an undo step of its own, not part of the restore.
  if (changesRecords) editor.markHistoryStoppingPoint('after restore')
  return { ok: true, summary: plan.summary }
}
