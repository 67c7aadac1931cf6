import type { HistoryEntry } from './history-entry.ts'

/**
 * How many edits fell in each of `buckets` equal slices of the history, by seq (what the timeline
 * draws). Edit `seq` sits at `seq / lastSeq` of the width, where the scrubber shows that moment.
 */
export function activityHistogram(
  entries: readonly HistoryEntry[],
  buckets: number,
  userId: string | null = null,
): number[] {
  const counts = new Array<number>(buckets).fill(0)
  const last = entries.at(-1)?.seq ?? 0
  if (last === 0 || buckets <= 0) return counts
  for (const entry of entries) {
    if (userId !== null && entry.userId !== userId) continue
    const bucket = Math.min(buckets - 1, Math.floor((entry.seq / last) * buckets))
    counts[bucket] = (counts[bucket] ?? 0) + 1
  }
  return counts
}

/** One person on the timeline: how many edits, and where their first and last edits are. */
export type TimelinePerson = {
  userId: string
  edits: number
  firstSeq: number
  lastSeq: number
  seqs: number[]
}

/** Everyone who edited, in order of their first edit. */
export function timelinePeople(entries: readonly HistoryEntry[]): TimelinePerson[] {
  const people = new Map<string, TimelinePerson>()
  for (const entry of entries) {
    let person = people.get(entry.userId)
    if (!person) {
      person = { userId: entry.userId, edits: 0, firstSeq: entry.seq, lastSeq: entry.seq, seqs: [] }
      people.set(entry.userId, person)
    }
    person.edits++
    person.lastSeq = entry.seq
    person.seqs.push(entry.seq)
  }
  return [...people.values()]
}

/**
 * The seq of the next (direction 1) or previous (direction -1) edit from `seq`, optionally only that
 * person's; null when there is none. Entries are gap-free from seq 1, so the scan starts at its index.
 */
export function nextEditSeq(
  entries: readonly HistoryEntry[],
  seq: number,
  direction: 1 | -1,
  userId: string | null = null,
): number | null {
  for (let index = seq - 1 + direction; index >= 0 && index < entries.length; index += direction) {
    const entry = entries[index] as HistoryEntry
    if (userId === null || entry.userId === userId) return entry.seq
  }
  return null
}
