import { expect, test } from 'vitest'
import { docAt } from './doc-at.ts'
import { HistoryLog } from './history-log.ts'
import { recordSession, recordsSnapshot } from './recorded-session.ts'

test('a log loaded page by page makes its own checkpoints, and seeks through them match the full replay', () => {
  const session = recordSession({ updates: 450, recordStatesAt: () => false })
  const log = new HistoryLog(100)
  for (let start = 0; start < session.entries.length; start += 64) {
    log.append(session.entries.slice(start, start + 64))
  }
  log.append(session.entries.slice(0, 10)) // a page read twice changes nothing
  expect(log.lastSeq).toBe(450)
  expect(log.checkpoints.map((checkpoint) => checkpoint.seq)).toEqual([100, 200, 300, 400])
  const full = { entries: session.entries, checkpoints: [] }
  for (const seq of [99, 100, 101, 333, 450]) {
    expect(recordsSnapshot(docAt(log, { seq }).doc)).toBe(recordsSnapshot(docAt(full, { seq }).doc))
  }
  log.destroy()
})

test("each entry's effect names the records it wrote and removed, and roles and board when touched", () => {
  const session = recordSession({ updates: 120, recordStatesAt: () => false })
  const log = new HistoryLog(50)
  log.append(session.entries)
  expect(log.effectOf(1)?.upserted.map((record) => record.id)).toEqual(['shape:s1'])
  expect(log.effectOf(0)).toBeNull()
  const removals = session.entries.filter((entry) => (log.effectOf(entry.seq)?.removed.length ?? 0) > 0)
  expect(removals.length).toBeGreaterThan(0)
  for (const entry of removals) {
    const [id] = log.effectOf(entry.seq)!.removed
    expect(log.contentAt(entry.seq - 1).records.has(id!)).toBe(true)
    expect(log.contentAt(entry.seq).records.has(id!)).toBe(false)
  }
  expect(() => log.append([{ ...session.entries[0]!, seq: 500 }])).toThrow(/gap/)
  log.destroy()
})
