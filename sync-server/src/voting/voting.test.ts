import {
  type BoardRole,
  encodeVoteRequest,
  FLOWMAP_PROTOCOL_VERSION,
  type OpenVote,
  readWorkshopField,
  type VoteRequest,
  voteField,
  voteResultsField,
  writeRecords,
  writeWorkshopField,
} from '@flowmap/shared'
import { openVote, workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { BoardClient } from '../testing/board-client.ts'
import { openRawBoardSocket, type RawBoardSocket } from '../testing/raw-socket.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer({ config: { authSecret: TEST_SECRET } })

const VOTE = openVote()

async function join(board: string, sub: string, role: BoardRole): Promise<BoardClient> {
  const client = server.connect(board, { token: await testToken({ sub, board, role }) })
  await client.synced
  return client
}

async function rawJoin(board: string, sub: string, role: BoardRole): Promise<RawBoardSocket> {
  const raw = server.track(openRawBoardSocket(server.collabUrl, board, await testToken({ sub, board, role })))
  await raw.scope
  return raw
}

/** A facilitator's board with a stage holding one step, a step outside it, and an open vote. */
async function boardWithVote(board: string, vote: Partial<OpenVote> = {}): Promise<BoardClient> {
  await server.start()
  const fay = await join(board, 'fay', 'facilitator')
  writeRecords(fay.doc, [
    workflowShape('stage', { id: 'stage', props: { w: 800, h: 600, label: 'Intake' } }),
    workflowShape('step', { id: 'inside', parentId: 'shape:stage', props: { label: 'Triage' } }),
    workflowShape('step', { id: 'outside', x: 900, props: { label: 'Ship' } }),
    workflowShape('decision', { id: 'choice', x: 1200, props: { question: 'OK?' } }),
  ])
  writeWorkshopField(fay.doc, voteField, { ...VOTE, ...vote })
  await fay.acknowledged()
  expect(fay.rejections).toEqual([])
  return fay
}

type Answer = Record<string, unknown>

/**
 * The voting messages a client received: people lists (who is on the board, extensions/people.ts) also
 * come as stateless messages and name everyone connected, which is not a vote of theirs.
 */
function votingTexts(who: BoardClient | RawBoardSocket): string[] {
  return who.stateless.filter((text) => (JSON.parse(text) as Answer).type !== 'people')
}

/** Sends one request and waits for its one answer (the server answers each request, in order). */
async function ask(who: BoardClient | RawBoardSocket, request: VoteRequest | string): Promise<Answer> {
  const text = typeof request === 'string' ? request : encodeVoteRequest(request, FLOWMAP_PROTOCOL_VERSION)
  const answers = () =>
    votingTexts(who)
      .map((s) => JSON.parse(s) as Answer)
      .filter((m) => m.type !== 'vote-progress')
  const before = answers().length
  if ('provider' in who) who.provider.sendStateless(text)
  else who.sendStateless(text)
  await vi.waitFor(() => expect(answers().length).toBeGreaterThan(before), { timeout: 10_000 })
  return answers()[before]!
}

const refusal = (reason: string | RegExp) => ({ type: 'vote-refused', reason })
const cast = (shapeId: string, voteId = 'v1'): VoteRequest => ({ type: 'vote-cast', voteId, shapeId })
const withdraw = (shapeId: string): VoteRequest => ({ type: 'vote-withdraw', voteId: 'v1', shapeId })

async function storedDoc(board: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  for (const entry of await server.storage.readHistory(board, { afterSeq: 0, limit: 10_000 })) {
    Y.applyUpdate(doc, entry.update)
  }
  return doc
}

describe('votes before the reveal', () => {
  it("never reach another participant: no frame Pat receives holds Pam's votes, and the facilitator gets only a count", async () => {
    const board = 'vote-privacy'
    const fay = await boardWithVote(board)
    const pam = await rawJoin(board, 'pam-the-voter', 'editor')
    const pat = await rawJoin(board, 'pat', 'editor')
    const patFramesBefore = pat.frames.length
    const fayStatelessBefore = votingTexts(fay).length

    expect(await ask(pam, cast('shape:outside'))).toEqual({
      type: 'vote-ballot',
      version: FLOWMAP_PROTOCOL_VERSION,
      voteId: 'v1',
      shapeIds: ['shape:outside'],
      votesLeft: 2,
    })
    expect(await ask(pam, cast('shape:outside'))).toMatchObject({
      shapeIds: ['shape:outside', 'shape:outside'],
    })
    // Pat's own vote, answered after Pam's (one board, messages in order): every frame about Pam's
    // votes that could reach Pat would have arrived by now.
    expect(await ask(pat, cast('shape:inside'))).toMatchObject({ shapeIds: ['shape:inside'], votesLeft: 2 })
    await vi.waitFor(() => expect(votingTexts(fay).length).toBeGreaterThanOrEqual(fayStatelessBefore + 2))

    const patFrames = pat.frames.slice(patFramesBefore)
    expect(patFrames.length).toBeGreaterThan(0)
    for (const frame of patFrames) {
      const bytes = Buffer.from(frame).toString('latin1')
      // A people list names Pam as someone on the board, and nothing of her votes.
      if (bytes.includes('"type":"people"')) continue
      expect(bytes).not.toContain('shape:outside')
      expect(bytes).not.toContain('pam-the-voter')
    }
    // Every stateless message Pat got is an answer about Pat's own ballot.
    for (const text of votingTexts(pat)) {
      expect(JSON.parse(text)).toMatchObject({ type: 'vote-ballot', shapeIds: ['shape:inside'] })
    }
    // The facilitator sees how many have voted, never where.
    const fayMessages = votingTexts(fay).slice(fayStatelessBefore)
    for (const text of fayMessages) {
      expect(text).not.toContain('shape:')
      expect(JSON.parse(text)).toMatchObject({ type: 'vote-progress', voteId: 'v1' })
    }
    expect(JSON.parse(fayMessages.at(-1)!)).toMatchObject({ voters: 2 })
    // And nothing of it is in the doc or its history.
    expect(JSON.stringify((await storedDoc(board)).toJSON())).not.toContain('pam-the-voter')
  })

  it('keep to the budget, one vote per shape and the scope, and can be taken back', async () => {
    const board = 'vote-rules'
    await boardWithVote(board, {
      votesPerPerson: 2,
      onePerShape: true,
      scope: { kind: 'container', id: 'shape:stage' },
    })
    const pam = await rawJoin(board, 'pam', 'editor')
    expect(await ask(pam, cast('shape:outside'))).toMatchObject(
      refusal('that shape is not inside the area this vote is on'),
    )
    expect(await ask(pam, cast('shape:nowhere'))).toMatchObject(
      refusal('that shape is not on the board (any more)'),
    )
    expect(await ask(pam, cast('shape:stage'))).toMatchObject(refusal(/a stage cannot be voted on/))
    expect(await ask(pam, cast('shape:inside'))).toMatchObject({ type: 'vote-ballot', votesLeft: 1 })
    expect(await ask(pam, cast('shape:inside'))).toMatchObject(
      refusal('this vote allows one vote per shape, and you have voted on this one already'),
    )
    expect(await ask(pam, withdraw('shape:outside'))).toMatchObject(
      refusal('you have no vote on that shape to take back'),
    )
    expect(await ask(pam, withdraw('shape:inside'))).toMatchObject({
      type: 'vote-ballot',
      shapeIds: [],
      votesLeft: 2,
    })
    expect(await server.storage.readVotes(board, 'v1')).toEqual([])
  })

  it('refuses a vote over budget, on a closed vote, by a viewer, and malformed requests, and changes nothing', async () => {
    const board = 'vote-refusals'
    const fay = await boardWithVote(board, { votesPerPerson: 2, scope: { kind: 'types', types: ['step'] } })
    const pam = await rawJoin(board, 'pam', 'editor')
    expect(await ask(pam, cast('shape:choice'))).toMatchObject({
      reason: 'this vote is on step shapes only, not on a decision',
    })
    await ask(pam, cast('shape:inside'))
    await ask(pam, cast('shape:inside'))
    expect(await ask(pam, cast('shape:outside'))).toMatchObject(
      refusal('you have used all 2 of your votes: take one back to vote elsewhere'),
    )
    expect(await ask(pam, cast('shape:inside', 'v0'))).toMatchObject(refusal(/that vote is closed/))
    const vic = await rawJoin(board, 'vic', 'viewer')
    expect(await ask(vic, cast('shape:inside'))).toMatchObject(refusal(/viewers .* cannot vote/))
    for (const [malformed, reason] of [
      ['{"type":"vote-cast","version":1,"voteId":"v1"}', /needs a shapeId/],
      ['{"type":"vote-cast","version":7,"voteId":"v1","shapeId":"shape:inside"}', /protocol version 7/],
      ['{"type":"vote-everything","version":1}', /must be one of vote-cast\|vote-withdraw/],
      [`{"type":"vote-cast","version":1,"voteId":"v1","shapeId":"${'x'.repeat(300)}"}`, /needs a shapeId/],
    ] as const) {
      expect(await ask(pam, malformed)).toMatchObject({ type: 'vote-refused', reason })
    }
    // Text that is no vote message at all is not this extension's to answer, and breaks nothing.
    pam.sendStateless('not json')
    expect((await server.storage.readVotes(board, 'v1')).map((v) => [v.userId, v.shapeId])).toEqual([
      ['pam', 'shape:inside'],
      ['pam', 'shape:inside'],
    ])

    // Once the facilitator closes the vote, no vote is taken.
    writeWorkshopField(fay.doc, voteField, null)
    await fay.acknowledged()
    expect(await ask(pam, withdraw('shape:inside'))).toMatchObject(refusal(/that vote is closed/))
  })

  it('survives a flood of requests: each is answered, only the budget is stored, the server stays up', async () => {
    const board = 'vote-flood'
    await boardWithVote(board)
    const pam = await rawJoin(board, 'pam', 'editor')
    const text = encodeVoteRequest(cast('shape:inside'), FLOWMAP_PROTOCOL_VERSION)
    for (let i = 0; i < 300; i++) pam.sendStateless(text)
    await vi.waitFor(() => expect(votingTexts(pam).length).toBe(300), { timeout: 30_000 })
    const kinds = votingTexts(pam).map((s) => (JSON.parse(s) as Answer).type)
    expect(kinds.filter((k) => k === 'vote-ballot')).toHaveLength(3)
    expect(kinds.filter((k) => k === 'vote-refused')).toHaveLength(297)
    expect(await server.storage.readVotes(board, 'v1')).toHaveLength(3)
    const pat = await rawJoin(board, 'pat', 'editor')
    expect(await ask(pat, cast('shape:inside'))).toMatchObject({ type: 'vote-ballot', votesLeft: 2 })
  })

  it('are stored before they are answered, so a restart mid-vote loses none', async () => {
    const board = 'vote-restart'
    await boardWithVote(board)
    const pam = await rawJoin(board, 'pam', 'editor')
    await ask(pam, cast('shape:inside'))
    await ask(pam, cast('shape:outside'))
    await server.restart()
    const again = await rawJoin(board, 'pam', 'editor')
    expect(await ask(again, { type: 'vote-mine', voteId: 'v1' })).toMatchObject({
      type: 'vote-ballot',
      shapeIds: ['shape:inside', 'shape:outside'],
      votesLeft: 1,
    })
    const fay = await join(board, 'fay', 'facilitator')
    await ask(fay, { type: 'vote-reveal', voteId: 'v1' })
    await vi.waitFor(() =>
      expect(readWorkshopField(fay.doc, voteResultsField)?.counts).toEqual({
        'shape:inside': 1,
        'shape:outside': 1,
      }),
    )
  })
})

describe('the reveal', () => {
  it("is a facilitator's alone", async () => {
    const board = 'vote-reveal-refused'
    const fay = await boardWithVote(board)
    const pam = await rawJoin(board, 'pam', 'editor')
    await ask(pam, cast('shape:inside'))
    expect(await ask(pam, { type: 'vote-reveal', voteId: 'v1' })).toMatchObject(
      refusal('only a facilitator can reveal the votes (you are an editor)'),
    )
    expect(readWorkshopField(fay.doc, voteResultsField)).toBeNull()
    expect(readWorkshopField(fay.doc, voteField)).toMatchObject({ id: 'v1' })
  })

  it('writes the tally into the board, its history and every page, and closes the vote', async () => {
    const board = 'vote-reveal'
    const fay = await boardWithVote(board)
    const pam = await join(board, 'pam', 'editor')
    const pat = await join(board, 'pat', 'editor')
    await ask(pam, cast('shape:inside'))
    await ask(pam, cast('shape:inside'))
    await ask(pam, cast('shape:outside'))
    await ask(pat, cast('shape:inside'))
    const seqBefore = await server.storage.lastSeq(board)
    await ask(fay, { type: 'vote-reveal', voteId: 'v1' })
    const expected = {
      id: 'v1',
      title: VOTE.title,
      counts: { 'shape:inside': 3, 'shape:outside': 1 },
      voters: 2,
    }
    for (const client of [fay, pam, pat]) {
      await vi.waitFor(() => expect(readWorkshopField(client.doc, voteResultsField)).toMatchObject(expected))
      expect(readWorkshopField(client.doc, voteField)).toBeNull()
    }
    await vi.waitFor(async () => expect(await server.storage.lastSeq(board)).toBe(seqBefore + 1))
    const [entry] = await server.storage.readHistory(board, { afterSeq: seqBefore, limit: 10 })
    expect(entry).toMatchObject({ userId: null })
    expect(readWorkshopField(await storedDoc(board), voteResultsField)).toMatchObject(expected)
    // A late joiner sees it.
    const lee = await join(board, 'lee', 'viewer')
    expect(readWorkshopField(lee.doc, voteResultsField)).toMatchObject(expected)
    // After the reveal the vote takes no more.
    expect(await ask(pat, cast('shape:outside'))).toMatchObject(refusal(/closed/))
  })

  it('cannot be forged: a written voteResults is refused even from a facilitator, and clearing one is allowed', async () => {
    const board = 'vote-forged'
    const fay = await boardWithVote(board)
    writeWorkshopField(fay.doc, voteResultsField, {
      id: 'v1',
      title: 'forged',
      counts: { 'shape:outside': 99 },
      voters: 1,
      revealedAt: 2,
    })
    await vi.waitFor(() => expect(fay.rejections).toHaveLength(1))
    expect(fay.rejections[0]).toMatchObject({
      code: 'not-permitted',
      reason: /counted and written by the server/,
    })
    expect(readWorkshopField(await storedDoc(board), voteResultsField)).toBeNull()

    const again = await join(board, 'fay2', 'facilitator')
    await ask(again, { type: 'vote-reveal', voteId: 'v1' })
    await vi.waitFor(() => expect(readWorkshopField(again.doc, voteResultsField)).not.toBeNull())
    writeWorkshopField(again.doc, voteResultsField, null)
    await again.acknowledged()
    expect(again.rejections).toEqual([])
    expect(readWorkshopField(await storedDoc(board), voteResultsField)).toBeNull()
  })
})
