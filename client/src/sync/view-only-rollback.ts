/**
 * A viewer's page never writes its doc (the server would refuse it), so a change to board content made
 * on the page anyway (a store write that skips tldraw's read-only mode: a page script, an extension, a
 * UI path we missed) would stay on this page only: a ghost shape next to "all changes saved". Each such
 * change is undone at once, from the store's own previous values (for a viewer they are the doc's), and
 * reported so the page can say so.
 */
import type { RecordsDiff, TLRecord, TLStore } from 'tldraw'

/** Undoes the board content (shapes, bindings) in a local change; returns the ids it put back. */
export function rollBackViewOnlyChange(store: TLStore, changes: RecordsDiff<TLRecord>): string[] {
  const removals = Object.values(changes.added)
    .filter(isBoardContent)
    .map((record) => record.id)
  const restores = [
    ...Object.values(changes.updated).map(([from]) => from),
    ...Object.values(changes.removed),
  ].filter(isBoardContent)
  if (removals.length + restores.length === 0) return []
  // As a remote change: it never enters the undo stack, and the binding's 'user' listener ignores it.
  store.mergeRemoteChanges(() => {
    if (removals.length > 0) store.remove(removals)
    if (restores.length > 0) store.put(restores)
  })
  return [...removals, ...restores.map((record) => record.id)]
}

export function isBoardContent(record: TLRecord): boolean {
  return record.typeName === 'shape' || record.typeName === 'binding'
}
