/** One vote as the server holds it: who cast it on which shape. A person's repeated votes are rows each. */
export interface Ballot {
  userId: string
  shapeId: string
}

export interface Tally {
  /** votes per shape, only shapes that got any */
  counts: Record<string, number>
  /** distinct people who voted */
  voters: number
}

/**
 * Counts the votes of the shapes for which `counted` holds (the server passes "still on the board", so
 * a result never names a shape nobody can see). A person whose votes were all on removed shapes still
 * counts as a voter: they took part.
 */
export function tallyBallots(ballots: Iterable<Ballot>, counted: (shapeId: string) => boolean): Tally {
  const counts: Record<string, number> = {}
  const voters = new Set<string>()
  for (const { userId, shapeId } of ballots) {
    voters.add(userId)
    if (!counted(shapeId)) continue
    counts[shapeId] = (counts[shapeId] ?? 0) + 1
  }
  return { counts, voters: voters.size }
}

/** Shapes by votes, most first; ties by shape id so every page ranks them the same. */
export function rankedCounts(counts: Readonly<Record<string, number>>): { shapeId: string; count: number }[] {
  return Object.entries(counts)
    .map(([shapeId, count]) => ({ shapeId, count }))
    .sort((a, b) => b.count - a.count || (a.shapeId < b.shapeId ? -1 : a.shapeId > b.shapeId ? 1 : 0))
}
