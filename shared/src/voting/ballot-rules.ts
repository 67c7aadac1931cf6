import type { OpenVote } from '../schema/workshop/vote.ts'

/**
 * The rules a person's own ballot follows, apart from scope (vote-scope.ts): the budget and
 * one-vote-per-shape. `ballot` is the shape ids of their votes so far, one entry per vote.
 */
export function castProblem(vote: OpenVote, ballot: readonly string[], shapeId: string): string | null {
  if (ballot.length >= vote.votesPerPerson) {
    return `you have used all ${vote.votesPerPerson} of your votes: take one back to vote elsewhere`
  }
  if (vote.onePerShape && ballot.includes(shapeId)) {
    return 'this vote allows one vote per shape, and you have voted on this one already'
  }
  return null
}

export function withdrawProblem(ballot: readonly string[], shapeId: string): string | null {
  return ballot.includes(shapeId) ? null : 'you have no vote on that shape to take back'
}

export function votesLeft(vote: OpenVote, ballot: readonly string[]): number {
  return Math.max(0, vote.votesPerPerson - ballot.length)
}
