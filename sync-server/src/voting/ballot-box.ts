/**
 * The ballot box: decides one voter's request against the board's open vote (its doc's `workshop.vote`)
 * and the votes held in storage, and says what to answer. It never writes the doc itself; the voting
 * extension does, for a reveal.
 *
 * Order for a cast or a withdrawal:
 *   1. the sender may vote (not a viewer) and the request names the open vote;
 *   2. the shape is on the board and in the vote's scope (a withdrawal skips this: a vote on a shape
 *      deleted since may always be taken back);
 *   3. the person's own votes so far leave room (budget, one-per-shape);
 *   4. the vote is stored (committed) and only then answered, with the person's own votes alone.
 * The storage answers asynchronously, so one board's requests are decided one at a time: two casts
 * of one person sent together would otherwise both find room in step 3 and both be stored. With
 * several servers on one database that queue is per server, so the storage checks the budget again in
 * the insert itself (`castVote` takes the rule) and a cast that lost the race is refused like any other.
 */
import {
  type Ballot,
  canEditBoard,
  canFacilitateBoard,
  castProblem,
  FLOWMAP_PROTOCOL_VERSION,
  type OpenVote,
  readRecord,
  readWorkshopField,
  type StatelessMessage,
  tallyBallots,
  type VoteRequest,
  type VoteResults,
  voteField,
  voteScopeProblem,
  votesLeft,
  withdrawProblem,
} from '@flowmap/shared'
import type * as Y from 'yjs'
import type { BoardUser } from '../auth/roles.ts'
import type { AsyncBoardStorage } from '../storage/async-board-storage.ts'
import { storageFailureInWords } from '../storage/storage-error.ts'

export interface VoteDecision {
  /** for the sender alone */
  answer: StatelessMessage
  /** the open vote's new voter count, for the board's facilitators; null when it did not change */
  progress: { voteId: string; voters: number } | null
  /** a reveal: the result to write into the doc (and the vote to close) */
  results: VoteResults | null
}

export interface BallotBoxContext {
  doc: Y.Doc
  boardId: string
  user: BoardUser
  storage: BallotStorage
  now: number
}

/** The part of the storage the ballot box reads and writes. */
export type BallotStorage = Pick<AsyncBoardStorage, 'readVotes' | 'castVote' | 'withdrawVote'>

/** Decides `request` once the board's earlier requests are decided (see the header). */
export function decideVoteRequest(request: VoteRequest, context: BallotBoxContext): Promise<VoteDecision> {
  return oneAtATime(context.storage, context.boardId, () => decide(request, context))
}

/** The last decision queued per storage and board; a board with none queued has no entry. */
const queues = new WeakMap<BallotStorage, Map<string, Promise<void>>>()

function oneAtATime<T>(storage: BallotStorage, boardId: string, work: () => Promise<T>): Promise<T> {
  let boards = queues.get(storage)
  if (boards === undefined) {
    boards = new Map()
    queues.set(storage, boards)
  }
  const result = (boards.get(boardId) ?? Promise.resolve()).then(work)
  const settled = result.then(
    () => {},
    () => {},
  )
  boards.set(boardId, settled)
  void settled.then(() => {
    if (boards.get(boardId) === settled) boards.delete(boardId)
  })
  return result
}

async function decide(request: VoteRequest, context: BallotBoxContext): Promise<VoteDecision> {
  const { doc, boardId, user, storage } = context
  const vote = readWorkshopField(doc, voteField)
  if (vote === null || vote.id !== request.voteId) {
    return refused(
      request.voteId,
      'that vote is closed (or was never opened): there is no open vote to take part in',
    )
  }
  if (request.type === 'vote-reveal') {
    if (!canFacilitateBoard(user.role)) {
      return refused(vote.id, `only a facilitator can reveal the votes (you are ${article(user.role)})`)
    }
    return reveal(vote, context)
  }
  if (request.type === 'vote-mine') {
    const decision = await ballotAnswer(vote, context)
    // A facilitator who reloads gets the count back too.
    if (canFacilitateBoard(user.role))
      decision.progress = { voteId: vote.id, voters: voterCount(decision.ballots) }
    return decision
  }
  if (!canEditBoard(user.role)) {
    return refused(vote.id, 'viewers watch the vote but cannot vote: ask the facilitator for an editor link')
  }
  const ballots = await readVotes(context, vote)
  if (typeof ballots === 'string') return refused(vote.id, ballots)
  const mine = ballots.filter((ballot) => ballot.userId === user.id).map((ballot) => ballot.shapeId)
  const problem =
    request.type === 'vote-cast'
      ? (voteScopeProblem(doc, vote.scope, request.shapeId) ?? castProblem(vote, mine, request.shapeId))
      : withdrawProblem(mine, request.shapeId)
  if (problem !== null) return refused(vote.id, problem)
  const votersBefore = voterCount(ballots)
  try {
    const stored = { boardId, voteId: vote.id, userId: user.id, shapeId: request.shapeId }
    if (request.type === 'vote-cast') {
      const rule = { votesPerPerson: vote.votesPerPerson, onePerShape: vote.onePerShape }
      if (!(await storage.castVote({ ...stored, castAt: context.now }, rule))) {
        // Another server sharing the database stored this person's last room in between.
        const now = await readVotes(context, vote)
        const theirs =
          typeof now === 'string'
            ? mine
            : now.filter((ballot) => ballot.userId === user.id).map((b) => b.shapeId)
        return refused(
          vote.id,
          castProblem(vote, theirs, request.shapeId) ?? 'your ballot is full: nothing changed',
        )
      }
    } else await storage.withdrawVote(stored)
  } catch (error) {
    return refused(
      vote.id,
      `the server could not store your vote (${storageFailureInWords(error)}); nothing changed`,
    )
  }
  const decision = await ballotAnswer(vote, context)
  const votersAfter = voterCount(decision.ballots)
  if (votersAfter !== votersBefore) decision.progress = { voteId: vote.id, voters: votersAfter }
  return decision
}

async function reveal(vote: OpenVote, context: BallotBoxContext): Promise<VoteDecision> {
  const ballots = await readVotes(context, vote)
  if (typeof ballots === 'string') return refused(vote.id, ballots)
  const { doc } = context
  const tally = tallyBallots(ballots, (shapeId) => readRecord(doc, shapeId)?.typeName === 'shape')
  const results: VoteResults = { id: vote.id, title: vote.title, ...tally, revealedAt: context.now }
  return {
    answer: ballotMessage(vote.id, [], 0),
    progress: { voteId: vote.id, voters: tally.voters },
    results,
  }
}

async function ballotAnswer(
  vote: OpenVote,
  context: BallotBoxContext,
): Promise<VoteDecision & { ballots: Ballot[] }> {
  const ballots = await readVotes(context, vote)
  if (typeof ballots === 'string') return { ...refused(vote.id, ballots), ballots: [] }
  const mine = ballots.filter((ballot) => ballot.userId === context.user.id).map((ballot) => ballot.shapeId)
  return {
    answer: ballotMessage(vote.id, mine, votesLeft(vote, mine)),
    progress: null,
    results: null,
    ballots,
  }
}

async function readVotes(context: BallotBoxContext, vote: OpenVote): Promise<Ballot[] | string> {
  try {
    return await context.storage.readVotes(context.boardId, vote.id)
  } catch (error) {
    return `the server could not read the votes (${storageFailureInWords(error)}); try again`
  }
}

function voterCount(ballots: readonly Ballot[]): number {
  return new Set(ballots.map((ballot) => ballot.userId)).size
}

function ballotMessage(voteId: string, shapeIds: string[], left: number): StatelessMessage {
  return { type: 'vote-ballot', version: FLOWMAP_PROTOCOL_VERSION, voteId, shapeIds, votesLeft: left }
}

export function refusedMessage(voteId: string | null, reason: string): StatelessMessage {
  return { type: 'vote-refused', version: FLOWMAP_PROTOCOL_VERSION, voteId, reason }
}

function refused(voteId: string | null, reason: string): VoteDecision {
  return { answer: refusedMessage(voteId, reason), progress: null, results: null }
}

function article(role: string): string {
  return role === 'editor' ? 'an editor' : `a ${role}`
}
