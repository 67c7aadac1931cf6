import type { HistoryEntry } from './history-entry.ts'

/**
 * Where a moment sits on the timeline, 0…1, by the time its edit was accepted: the timeline is a time
 * axis, so a burst of edits is a tall bar and a quiet hour is an empty stretch. Seq 0 (before the first
 * edit) is the start. When every edit has the same time, edits are spread by seq instead, so they stay
 * apart.
 */
export function timelineFraction(entries: readonly HistoryEntry[], seq: number): number {
  const first = entries[0]
  const last = entries.at(-1)
  const entry = entries[seq - 1]
  if (!first || !last || !entry || seq <= 0) return 0
  const span = last.time - first.time
  if (span <= 0) return entry.seq / last.seq
  return Math.min(1, Math.max(0, (entry.time - first.time) / span))
}

/**
 * How many edits (everyone's, or one person's) fell in each of `buckets` equal slices of the time from
 * the first edit to the last: the density the activity histogram draws, on the same axis as
 * `timelineFraction`.
 */
export function activityHistogram(
  entries: readonly HistoryEntry[],
  buckets: number,
  userId: string | null = null,
): number[] {
  const counts = new Array<number>(Math.max(0, buckets)).fill(0)
  if (buckets <= 0) return counts
  for (const entry of entries) {
    if (userId !== null && entry.userId !== userId) continue
    const bucket = Math.min(buckets - 1, Math.floor(timelineFraction(entries, entry.seq) * buckets))
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
