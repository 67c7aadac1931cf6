import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeRecords } from '../doc/records.ts'
import { FLOWMAP_PROTOCOL_VERSION } from '../protocol/stateless-envelope.ts'
import { parseStatelessMessage } from '../protocol/stateless-messages.ts'
import { encodeVoteRequest, parseVoteRequest } from '../protocol/vote-messages.ts'
import { voteField } from '../schema/workshop/vote.ts'
import { voteResultsField } from '../schema/workshop/vote-results.ts'
import { openVote } from '../testing/open-vote.ts'
import { workflowShape } from '../testing/shape-records.ts'
import { castProblem, votesLeft, withdrawProblem } from './ballot-rules.ts'
import { rankedCounts, tallyBallots } from './tally.ts'
import { voteScopeProblem } from './vote-scope.ts'

const vote = openVote()

describe('tallyBallots', () => {
  it('counts every vote per shape and every person once, skipping shapes not counted', () => {
    const ballots = [
      { userId: 'a', shapeId: 's1' },
      { userId: 'a', shapeId: 's1' },
      { userId: 'b', shapeId: 's2' },
      { userId: 'c', shapeId: 'gone' },
    ]
    expect(tallyBallots(ballots, (id) => id !== 'gone')).toEqual({ counts: { s1: 2, s2: 1 }, voters: 3 })
    expect(tallyBallots([], () => true)).toEqual({ counts: {}, voters: 0 })
  })

  it('sums to the number of counted ballots, whatever the order (property)', () => {
    const ballot = fc.record({
      userId: fc.constantFrom('a', 'b', 'c'),
      shapeId: fc.constantFrom('s1', 's2', 's3'),
    })
    fc.assert(
      fc.property(fc.array(ballot, { maxLength: 60 }), (ballots) => {
        const tally = tallyBallots(ballots, () => true)
        expect(Object.values(tally.counts).reduce((sum, n) => sum + n, 0)).toBe(ballots.length)
        expect(tally.voters).toBe(new Set(ballots.map((b) => b.userId)).size)
        expect(tallyBallots([...ballots].reverse(), () => true)).toEqual(tally)
        // What the server writes always passes the field's own parser.
        expect(voteResultsField.parse({ id: 'v1', title: '', ...tally, revealedAt: 0 }).ok).toBe(true)
      }),
    )
  })

  it('ranks most votes first, ties by shape id', () => {
    expect(rankedCounts({ b: 2, a: 2, c: 5 })).toEqual([
      { shapeId: 'c', count: 5 },
      { shapeId: 'a', count: 2 },
      { shapeId: 'b', count: 2 },
    ])
  })
})

describe('the ballot rules', () => {
  it('keep to the budget and, when asked, one vote per shape', () => {
    expect(castProblem(vote, ['s1', 's1'], 's1')).toBeNull()
    expect(castProblem(vote, ['s1', 's1', 's2'], 's3')).toMatch(/used all 3 of your votes/)
    expect(castProblem({ ...vote, onePerShape: true }, ['s1'], 's1')).toMatch(/one vote per shape/)
    expect(castProblem({ ...vote, onePerShape: true }, ['s1'], 's2')).toBeNull()
    expect(withdrawProblem(['s1'], 's2')).toMatch(/no vote on that shape/)
    expect(votesLeft(vote, ['s1'])).toBe(2)
  })
})

describe('voteScopeProblem', () => {
  const doc = new Y.Doc()
  writeRecords(doc, [
    workflowShape('stage', { id: 'stage' }),
    workflowShape('lane', { id: 'lane', parentId: 'shape:stage' }),
    workflowShape('step', { id: 'deep', parentId: 'shape:lane' }),
    workflowShape('event', { id: 'out' }),
  ])

  it('puts shapes inside a container (at any depth) on the ballot, and nothing else', () => {
    const scope = { kind: 'container', id: 'shape:stage' } as const
    expect(voteScopeProblem(doc, scope, 'shape:deep')).toBeNull()
    expect(voteScopeProblem(doc, scope, 'shape:out')).toMatch(/not inside/)
    expect(voteScopeProblem(doc, { kind: 'board' }, 'shape:out')).toBeNull()
    expect(voteScopeProblem(doc, { kind: 'types', types: ['step'] }, 'shape:out')).toMatch(/step shapes only/)
    expect(voteScopeProblem(doc, { kind: 'board' }, 'shape:lane')).toMatch(/a lane cannot be voted on/)
    expect(voteScopeProblem(doc, { kind: 'board' }, 'shape:missing')).toMatch(/not on the board/)
  })
})

describe('the vote fields', () => {
  it('parse an open vote and refuse what is not one', () => {
    expect(voteField.parse(vote)).toEqual({ ok: true, value: vote })
    expect(voteField.parse({ ...vote, scope: { kind: 'types', types: ['note', 'step'] } }).ok).toBe(true)
    for (const [bad, reason] of [
      [{ ...vote, votesPerPerson: 0 }, /votesPerPerson must be a whole number from 1 to 20/],
      [{ ...vote, id: 'a b' }, /\.id must be/],
      [{ ...vote, scope: { kind: 'types', types: ['lane'] } }, /distinct names from/],
      [{ ...vote, scope: { kind: 'everywhere' } }, /kind must be board\|container\|types/],
      [{ ...vote, ballots: [] }, /has no field "ballots"/],
    ] as const) {
      expect(voteField.parse(bad)).toMatchObject({ ok: false, reason })
    }
  })

  it('parse vote results and refuse counts that are not whole positive numbers', () => {
    const results = { id: 'v1', title: '', counts: { 'shape:a': 2 }, voters: 1, revealedAt: 5 }
    expect(voteResultsField.parse(results)).toEqual({ ok: true, value: results })
    expect(voteResultsField.parse({ ...results, counts: { 'shape:a': 0 } }).ok).toBe(false)
    expect(voteResultsField.parse({ ...results, counts: { 'shape:a': 1.5 } }).ok).toBe(false)
    expect(voteResultsField.parse({ ...results, voters: -1 }).ok).toBe(false)
  })
})

describe('the vote messages', () => {
  it('round-trip every request and leave messages of other types alone', () => {
    for (const request of [
      { type: 'vote-cast', voteId: 'v1', shapeId: 'shape:a' },
      { type: 'vote-withdraw', voteId: 'v1', shapeId: 'shape:a' },
      { type: 'vote-mine', voteId: 'v1' },
      { type: 'vote-reveal', voteId: 'v1' },
    ] as const) {
      expect(parseVoteRequest(encodeVoteRequest(request, FLOWMAP_PROTOCOL_VERSION))).toEqual({
        ok: true,
        message: request,
      })
    }
    expect(parseVoteRequest('{"type":"reaction","version":1}')).toBeNull()
    expect(parseVoteRequest('not json')).toBeNull()
    expect(parseVoteRequest('{"type":"vote-cast","version":1,"voteId":"v1","shapeId":7}')).toMatchObject({
      ok: false,
      reason: '"vote-cast" needs a shapeId (a string of 1–200 characters)',
    })
  })

  it("read the server's answers through the one stateless parser", () => {
    const ballot = { type: 'vote-ballot', version: 1, voteId: 'v1', shapeIds: ['shape:a'], votesLeft: 2 }
    expect(parseStatelessMessage(JSON.stringify(ballot))).toEqual({ ok: true, message: ballot })
    expect(parseStatelessMessage(JSON.stringify({ ...ballot, votesLeft: -1 })).ok).toBe(false)
    const refused = { type: 'vote-refused', version: 1, voteId: null, reason: 'no' }
    expect(parseStatelessMessage(JSON.stringify(refused))).toEqual({ ok: true, message: refused })
    const progress = { type: 'vote-progress', version: 1, voteId: 'v1', voters: 3 }
    expect(parseStatelessMessage(JSON.stringify(progress))).toEqual({ ok: true, message: progress })
  })
})
