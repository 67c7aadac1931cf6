import {
  CLOCK_ANSWER_TYPE,
  type ClockAnswer,
  encodeClockRequest,
  parseStatelessMessage,
  readWorkshopField,
  startTimer,
  timerField,
  writeWorkshopField,
} from '@flowmap/shared'
import { describe, expect, it, vi } from 'vitest'
import type { BoardClient } from '../testing/board-client.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer({ per: 'suite', config: { authSecret: TEST_SECRET } })

type Role = 'facilitator' | 'editor' | 'viewer'

async function join(
  board: string,
  sub: string,
  role: Role,
): Promise<BoardClient & { answers: ClockAnswer[] }> {
  const client = server.connect(board, { token: await testToken({ sub, board, role }) })
  const answers: ClockAnswer[] = []
  client.provider.on('stateless', ({ payload }: { payload: string }) => {
    const parsed = parseStatelessMessage(payload)
    if (parsed.ok && parsed.message.type === CLOCK_ANSWER_TYPE) answers.push(parsed.message)
  })
  await client.synced
  return Object.assign(client, { answers })
}

describe('the clock exchange', () => {
  it("answers a clock request with the server's time, to the page that asked alone", async () => {
    const board = 'clock-answer'
    const vera = await join(board, 'vera', 'viewer')
    const edna = await join(board, 'edna', 'editor')
    const before = Date.now()
    vera.provider.sendStateless(encodeClockRequest(41))
    await vi.waitFor(() => expect(vera.answers).toHaveLength(1))
    const after = Date.now()
    expect(vera.answers[0]).toMatchObject({ type: 'clock-answer', version: 1, id: 41 })
    expect(vera.answers[0]?.serverTime).toBeGreaterThanOrEqual(before)
    expect(vera.answers[0]?.serverTime).toBeLessThanOrEqual(after)
    // Edna's own request is answered after Vera's would have reached her: she got nothing of Vera's.
    edna.provider.sendStateless(encodeClockRequest(1))
    await vi.waitFor(() => expect(edna.answers).toHaveLength(1))
    expect(edna.answers.map((answer) => answer.id)).toEqual([1])
  })

  it('drops a malformed clock request and keeps the connection: the next good one is answered', async () => {
    const board = 'clock-malformed'
    const edna = await join(board, 'edna', 'editor')
    for (const payload of [
      '{"type":"clock-request","version":1,"id":-3}',
      '{"type":"clock-request","version":1,"id":"x"}',
      '{"type":"clock-request","version":99,"id":1}',
      '{"type":"clock-request","version":1}',
      'not json at all',
      '[]',
      `{"type":"clock-request","version":1,"id":1,"pad":"${'x'.repeat(50_000)}"}`,
      '{"type":"someone-elses","version":1}',
    ]) {
      edna.provider.sendStateless(payload)
    }
    edna.provider.sendStateless(encodeClockRequest(9))
    await vi.waitFor(() => expect(edna.answers.map((answer) => answer.id)).toContain(9))
    // The padded one is a well-formed request (extra fields are ignored); nothing else was answered.
    expect(edna.answers.map((answer) => answer.id).sort()).toEqual([1, 9])
    expect(edna.rejections).toEqual([])
    expect(edna.provider.synced).toBe(true)
  })
})

describe('the timer field on the server', () => {
  it("a facilitator's timer reaches everyone and a late joiner; a participant's is refused", async () => {
    const board = 'timer-field'
    const fay = await join(board, 'fay', 'facilitator')
    const edna = await join(board, 'edna', 'editor')
    const timer = startTimer(5 * 60_000, Date.now())
    writeWorkshopField(fay.doc, timerField, timer)
    await fay.acknowledged()
    expect(fay.rejections).toEqual([])
    await vi.waitFor(() => expect(readWorkshopField(edna.doc, timerField)).toEqual(timer))
    const late = await join(board, 'lou', 'editor')
    expect(readWorkshopField(late.doc, timerField)).toEqual(timer)

    writeWorkshopField(edna.doc, timerField, null)
    await vi.waitFor(() => expect(edna.rejections).toHaveLength(1))
    expect(edna.rejections[0]).toMatchObject({ code: 'not-permitted' })
    expect(readWorkshopField(late.doc, timerField)).toEqual(timer)
  })

  it("refuses a facilitator's malformed timer with the field's reason", async () => {
    const board = 'timer-malformed'
    const fay = await join(board, 'fay', 'facilitator')
    fay.doc.getMap('workshop').set('timer', { state: 'paused', remainingMs: 90_000, durationMs: 60_000 })
    await vi.waitFor(() => expect(fay.rejections).toHaveLength(1))
    expect(fay.rejections[0]?.reason).toBe(
      'workshop.timer .remainingMs must be a whole number of ms from 0 to .durationMs',
    )
  })
})
