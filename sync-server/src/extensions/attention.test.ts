import {
  type AttentionViewport,
  attentionRequest,
  type BoardRole,
  FLOWMAP_PROTOCOL_VERSION,
} from '@flowmap/shared'
import { describe, expect, it, vi } from 'vitest'
import { FLOWMAP_CLOSE } from '../protocol/close-codes.ts'
import { MAX_STATELESS_BYTES } from '../protocol/frame-guard.ts'
import { openRawBoardSocket, type RawBoardSocket } from '../testing/raw-socket.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer()
const WAIT = { timeout: 15_000, interval: 20 }
const VIEWPORT: AttentionViewport = { pageId: 'page:page', x: 120, y: -40, w: 1280, h: 720 }

async function join(board: string, sub: string, role: BoardRole): Promise<RawBoardSocket> {
  const token = await testToken({ sub, name: `${sub} (${role})`, board, role })
  const socket = server.track(openRawBoardSocket(server.collabUrl, board, token))
  await socket.scope
  return socket
}

function received(socket: RawBoardSocket): Record<string, unknown>[] {
  return socket.stateless.map((payload) => JSON.parse(payload) as Record<string, unknown>)
}

/** A facilitator and two participants on one board, all authenticated. */
async function workshop(board: string) {
  await server.start({ authSecret: TEST_SECRET })
  const facilitator = await join(board, 'fay', 'facilitator')
  const ada = await join(board, 'ada', 'editor')
  const bob = await join(board, 'bob', 'viewer')
  return { facilitator, ada, bob }
}

describe('attention: summon, follow and take control', () => {
  it("a facilitator's summon reaches every other connection's raw frames, with the server's name for the leader", async () => {
    const { facilitator, ada, bob } = await workshop('summon-board')
    facilitator.sendStateless(JSON.stringify(attentionRequest('summon', 'person-fay', VIEWPORT)))
    const expected = {
      type: 'attention',
      version: FLOWMAP_PROTOCOL_VERSION,
      action: 'summon',
      leader: { personId: 'person-fay', name: 'fay (facilitator)' },
      viewport: VIEWPORT,
    }
    await vi.waitFor(() => expect(received(ada)).toEqual([expected]), WAIT)
    await vi.waitFor(() => expect(received(bob)).toEqual([expected]), WAIT)
    expect(received(facilitator)).toEqual([])
  })

  it("an editor's summon reaches nobody, and the editor is told why", async () => {
    const { facilitator, ada, bob } = await workshop('editor-summon')
    ada.sendStateless(JSON.stringify(attentionRequest('summon', 'person-ada', VIEWPORT)))
    await vi.waitFor(() => expect(received(ada)).toHaveLength(1), WAIT)
    expect(received(ada)[0]).toEqual({
      type: 'attention-refused',
      version: FLOWMAP_PROTOCOL_VERSION,
      action: 'summon',
      reason:
        'only a facilitator can bring everyone to their view on this board; your link makes you an editor',
    })
    // The server handled ada's request before it answered her; a broadcast of it would have gone out
    // to bob and the facilitator before the facilitator's later one, so theirs is all they receive.
    facilitator.sendStateless(JSON.stringify(attentionRequest('follow', 'person-fay')))
    await vi.waitFor(() => expect(received(bob)).toHaveLength(1), WAIT)
    expect(received(bob)[0]).toMatchObject({ action: 'follow', leader: { personId: 'person-fay' } })
    expect(received(facilitator)).toEqual([])
    expect(received(ada).map((message) => message.type)).toEqual(['attention-refused', 'attention'])
  })

  it('malformed attention requests are refused with the problem, and the board keeps working', async () => {
    const { facilitator, ada } = await workshop('malformed-attention')
    const malformed = [
      [
        {
          type: 'attention-request',
          version: FLOWMAP_PROTOCOL_VERSION,
          action: 'dance',
          leaderPersonId: 'person-fay',
        },
        /action must be one of summon\|follow\|take-control\|release, got "dance"/,
      ],
      [
        {
          type: 'attention-request',
          version: FLOWMAP_PROTOCOL_VERSION,
          action: 'summon',
          leaderPersonId: 'person-fay',
          viewport: null,
        },
        /summon must carry the viewport/,
      ],
      [
        {
          type: 'attention-request',
          version: FLOWMAP_PROTOCOL_VERSION,
          action: 'summon',
          leaderPersonId: 'person-fay',
          viewport: { ...VIEWPORT, w: '1280' },
        },
        /viewport.w must be a number/,
      ],
      [
        {
          type: 'attention-request',
          version: FLOWMAP_PROTOCOL_VERSION,
          action: 'follow',
          leaderPersonId: 'x',
        },
        /leaderPersonId must be a person id/,
      ],
      [
        { type: 'attention-request', version: 99, action: 'follow', leaderPersonId: 'person-fay' },
        /protocol version 99, this end speaks version 1/,
      ],
    ] as const
    for (const [request] of malformed) facilitator.sendStateless(JSON.stringify(request))
    await vi.waitFor(() => expect(received(facilitator)).toHaveLength(malformed.length), WAIT)
    received(facilitator).forEach((answer, index) => {
      expect(answer.type).toBe('attention-refused')
      expect(answer.reason).toMatch(malformed[index]![1])
    })
    // Payloads of other types are other extensions' business: no answer from this one.
    facilitator.sendStateless('not json at all')
    facilitator.sendStateless(JSON.stringify({ type: 'timer-start', version: FLOWMAP_PROTOCOL_VERSION }))
    facilitator.sendStateless(JSON.stringify(attentionRequest('follow', 'person-fay')))
    await vi.waitFor(() => expect(received(ada)).toHaveLength(1), WAIT)
    expect(received(ada)[0]).toMatchObject({ type: 'attention', action: 'follow' })
    expect(received(facilitator)).toHaveLength(malformed.length)
  })

  it('a stateless payload over the frame limit closes only that socket as malformed', async () => {
    const { facilitator, ada } = await workshop('oversized-attention')
    const huge = JSON.stringify({
      ...attentionRequest('follow', 'person-fay'),
      padding: 'x'.repeat(MAX_STATELESS_BYTES),
    })
    ada.sendStateless(huge)
    expect(await ada.closed).toBe(FLOWMAP_CLOSE.malformedMessage.code)
    const carl = await join('oversized-attention', 'carl', 'editor')
    facilitator.sendStateless(JSON.stringify(attentionRequest('follow', 'person-fay')))
    await vi.waitFor(() => expect(received(carl)).toHaveLength(1), WAIT)
  })

  it('whoever joins during take-control is sent it at once; it ends when the facilitator leaves', async () => {
    const { facilitator, ada } = await workshop('take-control')
    facilitator.sendStateless(JSON.stringify(attentionRequest('take-control', 'person-fay')))
    await vi.waitFor(() => expect(received(ada)).toHaveLength(1), WAIT)

    const late = await join('take-control', 'late', 'editor')
    await vi.waitFor(() => expect(received(late)).toHaveLength(1), WAIT)
    expect(received(late)[0]).toMatchObject({ action: 'take-control', leader: { personId: 'person-fay' } })

    server.end(facilitator)
    await vi.waitFor(() => expect(received(late)).toHaveLength(2), WAIT)
    expect(received(late)[1]).toMatchObject({ action: 'release', leader: { personId: 'person-fay' } })
    const later = await join('take-control', 'later', 'editor')
    // Released: a newcomer is sent nothing (a follow from a new facilitator is the next thing it hears).
    const fay = await join('take-control', 'fay2', 'facilitator')
    fay.sendStateless(JSON.stringify(attentionRequest('follow', 'person-fay')))
    await vi.waitFor(() => expect(received(later)).toHaveLength(1), WAIT)
    expect(received(later)[0]).toMatchObject({ action: 'follow' })
  })

  it('a release ends take-control for those who join afterwards', async () => {
    const { facilitator, ada } = await workshop('release')
    facilitator.sendStateless(JSON.stringify(attentionRequest('take-control', 'person-fay')))
    facilitator.sendStateless(JSON.stringify(attentionRequest('release', 'person-fay')))
    await vi.waitFor(
      () => expect(received(ada).map((m) => m.action)).toEqual(['take-control', 'release']),
      WAIT,
    )
    const late = await join('release', 'late', 'editor')
    facilitator.sendStateless(JSON.stringify(attentionRequest('follow', 'person-fay')))
    await vi.waitFor(() => expect(received(late)).toHaveLength(1), WAIT)
    expect(received(late)[0]).toMatchObject({ action: 'follow' })
  })
})
