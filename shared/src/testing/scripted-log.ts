import * as Y from 'yjs'
import type { HistoryEntry } from '../history/history-entry.ts'
import { HistoryLog } from '../history/history-log.ts'

/** One step of a scripted session: who, when (ms since the epoch), and the edit they made. */
export type ScriptedStep = [user: string, time: number, edit: (doc: Y.Doc) => void]

/** A history log as the server would log a scripted session: one entry per step, in order. */
export function scriptedLog(steps: readonly ScriptedStep[]): HistoryLog {
  const doc = new Y.Doc()
  const entries: HistoryEntry[] = []
  for (const [userId, time, edit] of steps) {
    let update: Uint8Array | null = null
    const capture = (u: Uint8Array) => {
      update = update === null ? u : Y.mergeUpdates([update, u])
    }
    doc.on('update', capture)
    edit(doc)
    doc.off('update', capture)
    if (update === null) throw new Error('a scripted step made no change')
    entries.push({ seq: entries.length + 1, time, userId, clientId: doc.clientID, update })
  }
  doc.destroy()
  const log = new HistoryLog(undefined, { yjsCheckpoints: false })
  log.append(entries)
  return log
}
