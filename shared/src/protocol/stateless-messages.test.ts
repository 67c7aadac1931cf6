import { expect, test } from 'vitest'
import { peopleMessage, removedMessage } from './people-messages.ts'
import { REFUSAL_CODES, refusalMessage } from './refusal.ts'
import { FLOWMAP_PROTOCOL_VERSION } from './stateless-envelope.ts'
import {
  encodeStatelessMessage,
  parseStatelessMessage,
  STATELESS_MESSAGE_TYPES,
  type StatelessMessage,
} from './stateless-messages.ts'

test('every message the server encodes is read back as the same typed message', () => {
  const sent: StatelessMessage[] = [
    refusalMessage({
      code: REFUSAL_CODES.foreignClientId,
      reason: 'client 7 belongs to bob',
      recordId: null,
    }),
    refusalMessage({ code: REFUSAL_CODES.tooLarge, reason: 'too big', recordId: null, limit: 1024 }),
    peopleMessage([{ userId: 'u_1', name: 'Ada', role: 'viewer', clientIds: [42] }], 'u_1'),
    removedMessage(),
  ]
  for (const message of sent) {
    expect(parseStatelessMessage(encodeStatelessMessage(message))).toEqual({ ok: true, message })
  }
})

test('a message of an unknown type is refused with the types this end reads', () => {
  expect(
    parseStatelessMessage(JSON.stringify({ type: 'cursor', version: FLOWMAP_PROTOCOL_VERSION })),
  ).toEqual({
    ok: false,
    type: 'cursor',
    reason: `stateless message type must be one of ${STATELESS_MESSAGE_TYPES.join('|')}, got "cursor"`,
  })
})

test('a type named like an object property is unknown, not a reader', () => {
  for (const type of ['constructor', 'toString', '__proto__']) {
    const parsed = parseStatelessMessage(JSON.stringify({ type, version: FLOWMAP_PROTOCOL_VERSION }))
    expect(parsed, type).toMatchObject({
      ok: false,
      type,
      reason: expect.stringMatching(/type must be one of rejected/),
    })
  }
})

test('a message of another protocol version is refused before its fields are read, keeping its type', () => {
  const parsed = parseStatelessMessage(
    JSON.stringify({ type: 'rejected', version: 2, code: 'from-the-future' }),
  )
  expect(parsed).toMatchObject({ ok: false, type: 'rejected' })
  expect(parsed.ok ? '' : parsed.reason).toMatch(/protocol version 2, this end speaks version 1/)
})

test('malformed payloads are refused with a reason and no type', () => {
  for (const text of ['', 'not json', 'null', '42', '"rejected"', '{"type":""}', '{"type":3,"version":1}']) {
    const parsed = parseStatelessMessage(text)
    expect(parsed, text).toMatchObject({ ok: false, type: null })
    expect(parsed.ok ? '' : parsed.reason, text).toMatch(/^stateless message /)
  }
})
