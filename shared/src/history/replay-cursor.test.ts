import { expect, test } from 'vitest'
import { recordedSnapshotAt } from './doc-at.testing.ts'
import { recordSession, recordsSnapshot } from './recorded-session.ts'
import { ReplayCursor } from './replay-cursor.ts'

const session = recordSession({
  updates: 1_000,
  checkpointInterval: 100,
  recordStatesAt: (seq) => seq % 50 === 0,
})
const history = { entries: session.entries, checkpoints: session.checkpoints }

test('the cursor shows the recorded state at each moment, forwards, backwards and far jumps alike', () => {
  const cursor = new ReplayCursor(history, { jumpAfter: 100 })
  for (const seq of [50, 100, 150, 1000, 300, 250, 900, 950, 50]) {
    const position = cursor.moveTo(seq)
    expect(position.seq).toBe(seq)
    expect(recordsSnapshot(position.doc), `seq ${seq}`).toBe(recordedSnapshotAt(session, seq))
  }
  cursor.destroy()
})

test('each step names the entry that led to it and the records it touched', () => {
  const cursor = new ReplayCursor(history)
  // Step 1 of a recorded session creates shape:s1.
  const first = cursor.moveTo(1)
  expect(first.step?.entry.seq).toBe(1)
  expect(first.step?.changed).toEqual(['shape:s1'])
  const again = cursor.moveTo(1)
  expect(again.step?.changed).toEqual(['shape:s1'])
  expect(again.replaced).toBe(false)
  const back = cursor.moveTo(0)
  expect(back.step).toBeNull()
  expect(recordsSnapshot(back.doc)).toBe('[]')
  cursor.destroy()
})

test('a seq beyond the loaded history stops at its end', () => {
  const cursor = new ReplayCursor(history)
  expect(cursor.moveTo(5_000).seq).toBe(1_000)
  cursor.destroy()
})
