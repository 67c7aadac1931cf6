import { describe, expect, test } from 'vitest'
import { parseRefusalMessage, REFUSAL_CODES, refusalMessage } from './refusal.ts'
import { FLOWMAP_PROTOCOL_VERSION } from './stateless-envelope.ts'

const valid = {
  type: 'rejected',
  version: FLOWMAP_PROTOCOL_VERSION,
  code: 'invalid-record',
  reason: 'step shape:a: props.status must be one of todo|doing|done|blocked, got 42',
  recordId: 'shape:a',
}

function parse(value: unknown) {
  return parseRefusalMessage(JSON.stringify(value))
}

describe('refusal message', () => {
  test('what the server builds is what the client reads back, the limit included', () => {
    const tooLarge = refusalMessage({
      code: REFUSAL_CODES.tooLarge,
      reason: 'the message is 9 MB, over the 8 MB limit',
      recordId: null,
      limit: 8_388_608,
    })
    expect(parseRefusalMessage(JSON.stringify(tooLarge))).toEqual({ ok: true, message: tooLarge })
    expect(parse(valid)).toEqual({ ok: true, message: valid })
  })

  test('a refusal without a limit carries no limit field', () => {
    const message = refusalMessage({
      code: REFUSAL_CODES.readOnly,
      reason: 'viewers only read',
      recordId: null,
    })
    expect('limit' in message).toBe(false)
  })

  test.each([
    ['not JSON', 'not json', null, /is not JSON: "not json"/],
    ['a JSON array', '[1,2]', null, /must be a JSON object, got "\[1,2\]"/],
    ['a message with no type', '{"version":1}', null, /has no type/],
  ])('%s is refused with a reason', (_name, text, type, reason) => {
    const parsed = parseRefusalMessage(text)
    expect(parsed).toMatchObject({ ok: false, type })
    expect(parsed.ok ? '' : parsed.reason).toMatch(reason)
  })

  test.each([
    [
      'another protocol version',
      { ...valid, version: 2 },
      /"rejected" message has protocol version 2, this end speaks version 1/,
    ],
    ['no protocol version', { ...valid, version: undefined }, /"rejected" message has no protocol version/],
    [
      'an unknown code',
      { ...valid, code: 'too-shiny' },
      /refusal code must be one of invalid-record\|.*\|not-permitted, got "too-shiny"/,
    ],
    ['no code', { ...valid, code: undefined }, /refusal code must be one of .*, got nothing/],
    ['no reason', { ...valid, reason: undefined }, /refusal reason must be a non-empty string, got nothing/],
    ['an empty reason', { ...valid, reason: '' }, /refusal reason must be a non-empty string, got ""/],
    [
      'no recordId',
      { ...valid, recordId: undefined },
      /refusal recordId must be a string or null, got nothing/,
    ],
    ['a numeric recordId', { ...valid, recordId: 7 }, /refusal recordId must be a string or null, got 7/],
    [
      'a negative limit',
      { ...valid, limit: -3 },
      /refusal limit must be a positive whole number of bytes, got -3/,
    ],
    [
      'a fractional limit',
      { ...valid, limit: 1.5 },
      /refusal limit must be a positive whole number of bytes, got 1.5/,
    ],
  ])('a refusal with %s is refused with a reason, and named as a refusal', (_name, value, reason) => {
    const parsed = parse(value)
    expect(parsed).toMatchObject({ ok: false, type: 'rejected' })
    expect(parsed.ok ? '' : parsed.reason).toMatch(reason)
  })

  test('another stateless message is not a refusal', () => {
    expect(parse({ type: 'presence', version: FLOWMAP_PROTOCOL_VERSION })).toEqual({
      ok: false,
      type: 'presence',
      reason: '"presence" message is not a refusal ("rejected")',
    })
  })

  test('a long payload is cut in the reason', () => {
    const parsed = parseRefusalMessage(`x${'y'.repeat(10_000)}`)
    expect(parsed.ok ? '' : parsed.reason.length).toBeLessThan(120)
  })
})
