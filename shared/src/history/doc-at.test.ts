import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { recordedSnapshotAt } from './doc-at.testing.ts'
import { docAt, rebuildDoc, seqAt } from './doc-at.ts'
import { HistoryLog } from './history-log.ts'
import { recordSession, recordsSnapshot } from './recorded-session.ts'

// A 20,000-update session takes seconds to record and check on a 2-core machine: generous timeouts.
describe('docAt', { timeout: 180_000 }, () => {
  const session = recordSession({
    updates: 20_000,
    checkpointInterval: 200,
    recordStatesAt: (seq) => seq % 100 === 0,
  })
  const history = { entries: session.entries, checkpoints: session.checkpoints }

  test('equals the live state recorded at every 100th step of a 20,000-update session', () => {
    expect(session.liveStates.size).toBe(200)
    for (const [seq] of session.liveStates) {
      const { doc, seq: at } = docAt(history, { seq })
      expect(at).toBe(seq)
      expect(recordsSnapshot(doc), `seq ${seq}`).toBe(recordedSnapshotAt(session, seq))
      doc.destroy()
    }
  })

  test('the log loaded from it shows the same content at every 100th step (keyframe + effects)', () => {
    const log = new HistoryLog(200)
    log.append(session.entries)
    for (const [seq, recorded] of session.liveStates) {
      const content = log.contentAt(seq)
      const records = [...content.records.values()].sort((a, b) => (a.id < b.id ? -1 : 1))
      expect(JSON.stringify(records), `seq ${seq}`).toBe(recorded)
    }
    log.destroy()
  })

  test('starts from the nearest checkpoint, not from the beginning', () => {
    // Drop every entry before the last checkpoint: if docAt replayed from the start it would miss them.
    const lastCheckpoint = session.checkpoints.at(-1)!
    const trimmed = {
      checkpoints: session.checkpoints,
      entries: session.entries.filter((entry) => entry.seq > lastCheckpoint.seq - 1),
    }
    const { doc } = docAt(trimmed, { seq: 20_000 })
    expect(recordsSnapshot(doc)).toBe(recordedSnapshotAt(session, 20_000))
  })

  test('finds a moment by time: the last entry at or before it', () => {
    const entry = session.entries[4_321]!
    expect(seqAt(session.entries, { time: entry.time + 500 })).toBe(entry.seq)
    expect(seqAt(session.entries, { time: 0 })).toBe(0)
    const { doc, seq } = docAt(history, { time: session.entries[0]!.time - 1 })
    expect(seq).toBe(0)
    expect(recordsSnapshot(doc)).toBe('[]')
  })

  test('a seq past the end gives the latest state', () => {
    const { doc, seq } = docAt(history, { seq: 999_999 })
    expect(seq).toBe(20_000)
    expect(recordsSnapshot(doc)).toBe(recordedSnapshotAt(session, 20_000))
  })

  test('rebuildDoc from a checkpoint plus tail equals the full replay', () => {
    const checkpoint = session.checkpoints[10]!
    const tail = session.entries.slice(checkpoint.seq, checkpoint.seq + 57)
    const fromCheckpoint = rebuildDoc(checkpoint, tail)
    const fromStart = rebuildDoc(null, session.entries.slice(0, checkpoint.seq + 57))
    expect(recordsSnapshot(fromCheckpoint)).toBe(recordsSnapshot(fromStart))
    expect(Y.encodeStateVector(fromCheckpoint)).toEqual(Y.encodeStateVector(fromStart))
  })
})
