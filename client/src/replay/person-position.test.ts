import type { HistoryEntry } from '@flowmap/shared'
import { describe, expect, test } from 'vitest'
import { personPosition } from './person-position.ts'

function log(users: readonly string[]): HistoryEntry[] {
  return users.map((userId, i) => ({
    seq: i + 1,
    time: 1000 * (i + 1),
    userId,
    clientId: 1,
    update: new Uint8Array(),
  }))
}

describe("a person's position in the replay", () => {
  const entries = log(['ada', 'ben', 'ada', 'ben', 'ben', 'ada'])

  test("counts only that person's edits, and names their edit, not the one shown", () => {
    expect(personPosition(entries, 5, 'ada')).toEqual({ index: 2, total: 3, entry: entries[2] })
    expect(personPosition(entries, 5, 'ben')).toEqual({ index: 3, total: 3, entry: entries[4] })
    expect(personPosition(entries, 0, 'ada')).toEqual({ index: 0, total: 3, entry: null })
    expect(personPosition(entries, 6, 'nobody')).toEqual({ index: 0, total: 0, entry: null })
  })

  test('the readout is always one of their own edits, numbered within theirs (every log of up to 7 edits)', () => {
    for (let length = 0; length <= 7; length++) {
      for (let pattern = 0; pattern < 2 ** length; pattern++) {
        const all = log(Array.from({ length }, (_, i) => ((pattern >> i) & 1 ? 'ada' : 'ben')))
        for (let seq = 0; seq <= length; seq++) {
          const position = personPosition(all, seq, 'ada')
          const theirs = all.filter((entry) => entry.userId === 'ada')
          expect(position.total).toBe(theirs.length)
          expect(position.entry === null ? 0 : theirs.indexOf(position.entry) + 1).toBe(position.index)
          expect(theirs.filter((entry) => entry.seq <= seq)).toHaveLength(position.index)
        }
      }
    }
  })
})
