import * as Y from 'yjs'
import { type RecordedSession, recordsSnapshot } from './recorded-session.ts'

/** The records of the live doc as it was at `seq` (recorded during the session, else replayed). */
export function recordedSnapshotAt(session: RecordedSession, seq: number): string {
  const recorded = session.liveStates.get(seq)
  if (recorded !== undefined) return recorded
  const doc = new Y.Doc()
  for (const entry of session.entries) {
    if (entry.seq > seq) break
    Y.applyUpdate(doc, entry.update)
  }
  return recordsSnapshot(doc)
}
