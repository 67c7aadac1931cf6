import { describe, expect, it } from 'vitest'
import { clockAnswer, clockRequest, parseClockRequest } from './clock-messages.ts'
import { encodeStatelessMessage, parseStatelessMessage } from './stateless-messages.ts'

describe('the clock exchange messages', () => {
  it('a request and an answer read back as sent', () => {
    expect(parseClockRequest(JSON.stringify(clockRequest(7)))).toEqual({ ok: true, message: clockRequest(7) })
    const answer = clockAnswer(7, 1_800_000_000_000)
    expect(parseStatelessMessage(encodeStatelessMessage(answer))).toEqual({ ok: true, message: answer })
  })

  it('a malformed request is a reason, never a request', () => {
    expect(parseClockRequest('{"type":"clock-request","version":1,"id":-1}')).toEqual({
      ok: false,
      type: 'clock-request',
      reason: 'clock request id must be a whole number ≥ 0, got -1',
    })
    expect(parseClockRequest('{"type":"clock-request","version":2,"id":1}')).toMatchObject({ ok: false })
    expect(parseClockRequest('{"type":"vote","version":1}')).toMatchObject({ ok: false, type: 'vote' })
    expect(parseClockRequest('not json')).toMatchObject({ ok: false, type: null })
  })
})
