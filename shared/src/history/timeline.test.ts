import fc from 'fast-check'
import { expect, test } from 'vitest'
import type { HistoryEntry } from './history-entry.ts'
import { activityHistogram, nextEditSeq, timelineFraction, timelinePeople } from './timeline.ts'

const users = ['ana', 'ana', 'ben', 'ana', 'chloe', 'ben', 'ben', 'ana']
const entries: HistoryEntry[] = users.map((userId, index) => ({
  seq: index + 1,
  time: index * 1000,
  userId,
  clientId: 1,
  update: new Uint8Array(),
}))

/** Entries at these times (ms), by these people, seq 1, 2, 3 … */
function entriesAt(times: readonly number[], userIds: readonly string[] = []): HistoryEntry[] {
  return times.map((time, index) => ({
    seq: index + 1,
    time,
    userId: userIds[index] ?? 'ana',
    clientId: 1,
    update: new Uint8Array(),
  }))
}

test('the histogram counts edits per slice of time, for everyone or one person', () => {
  // Evenly spaced edits fill evenly spaced buckets.
  expect(activityHistogram(entries, 4)).toEqual([2, 2, 2, 2])
  expect(activityHistogram(entries, 4, 'ben')).toEqual([0, 1, 1, 1])
  expect(activityHistogram([], 3)).toEqual([0, 0, 0])
})

test('a burst of edits is a tall bar and a quiet hour an empty stretch', () => {
  const minute = 60_000
  // Five edits in the first minute, nothing for an hour, then three edits at the end.
  const bursty = entriesAt([0, 1000, 2000, 3000, 4000, 60 * minute, 60 * minute + 500, 60 * minute + 900])
  expect(activityHistogram(bursty, 6)).toEqual([5, 0, 0, 0, 0, 3])
})

test('a moment sits at its edit time on the axis; seq 0 at the start', () => {
  const log = entriesAt([1000, 2000, 11_000])
  expect(timelineFraction(log, 0)).toBe(0)
  expect(timelineFraction(log, 1)).toBe(0)
  expect(timelineFraction(log, 2)).toBeCloseTo(0.1)
  expect(timelineFraction(log, 3)).toBe(1)
  // Edits that share one time are spread by seq, so they stay apart.
  expect([1, 2, 3].map((seq) => timelineFraction(entriesAt([5, 5, 5]), seq))).toEqual([1 / 3, 2 / 3, 1])
})

test('every edit lands in exactly one bucket, and later edits never in an earlier bucket', () => {
  fc.assert(
    fc.property(
      fc.array(fc.nat({ max: 10_000_000 }), { minLength: 1, maxLength: 60 }),
      fc.integer({ min: 1, max: 150 }),
      (gaps, buckets) => {
        let time = 1_700_000_000_000
        const log = entriesAt(gaps.map((gap) => (time += gap)))
        const counts = activityHistogram(log, buckets)
        expect(counts).toHaveLength(buckets)
        expect(counts.reduce((sum, count) => sum + count, 0)).toBe(log.length)
        const fractions = log.map((entry) => timelineFraction(log, entry.seq))
        for (let i = 1; i < fractions.length; i++)
          expect(fractions[i] as number).toBeGreaterThanOrEqual(fractions[i - 1] as number)
        expect(fractions.every((fraction) => fraction >= 0 && fraction <= 1)).toBe(true)
      },
    ),
  )
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
