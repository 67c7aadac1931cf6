import * as Y from 'yjs'
import { type RecordedSession, recordsSnapshot } from './recorded-session.ts'

/** The records of the live doc as it was at `seq` (recorded during the session). */
export function recordedSnapshotAt(session: RecordedSession, seq: number): string {
  const state = session.liveStates.get(seq)
  if (state) {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, state)
    return recordsSnapshot(doc)
  }
  const doc = new Y.Doc()
  for (const entry of session.entries) {
    if (entry.seq > seq) break
    Y.applyUpdate(doc, entry.update)
  }
  return recordsSnapshot(doc)
}
