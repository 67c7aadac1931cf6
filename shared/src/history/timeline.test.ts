import { expect, test } from 'vitest'
import type { HistoryEntry } from './history-entry.ts'
import { activityHistogram, nextEditSeq, timelinePeople } from './timeline.ts'

const users = ['ana', 'ana', 'ben', 'ana', 'chloe', 'ben', 'ben', 'ana']
const entries: HistoryEntry[] = users.map((userId, index) => ({
  seq: index + 1,
  time: index * 1000,
  userId,
  clientId: 1,
  update: new Uint8Array(),
}))

test('the histogram counts edits per slice of the history, for everyone or one person', () => {
  expect(activityHistogram(entries, 4)).toEqual([1, 2, 2, 3])
  expect(activityHistogram(entries, 4, 'ben')).toEqual([0, 1, 0, 2])
  expect(activityHistogram([], 3)).toEqual([0, 0, 0])
})

test('people are listed in order of their first edit with their edit seqs', () => {
  expect(timelinePeople(entries).map((p) => [p.userId, p.edits, p.firstSeq, p.lastSeq])).toEqual([
    ['ana', 4, 1, 8],
    ['ben', 3, 3, 7],
    ['chloe', 1, 5, 5],
  ])
})

test("next and previous edit, optionally only one person's", () => {
  expect(nextEditSeq(entries, 0, 1)).toBe(1)
  expect(nextEditSeq(entries, 3, 1)).toBe(4)
  expect(nextEditSeq(entries, 3, 1, 'ben')).toBe(6)
  expect(nextEditSeq(entries, 6, -1, 'ana')).toBe(4)
  expect(nextEditSeq(entries, 8, 1)).toBeNull()
  expect(nextEditSeq(entries, 5, 1, 'chloe')).toBeNull()
})
