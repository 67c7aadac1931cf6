import { expect, test } from 'vitest'
import { FLOWMAP_PROTOCOL_VERSION } from './stateless-envelope.ts'
import { parseStatelessMessage } from './stateless-messages.ts'

const people = (fields: Record<string, unknown>) =>
  parseStatelessMessage(JSON.stringify({ type: 'people', version: FLOWMAP_PROTOCOL_VERSION, ...fields }))

test('a people list names the person and field at fault', () => {
  expect(
    people({ you: 'u_1', people: [{ userId: 'u_1', name: 'Ada', role: 'owner', clientIds: [] }] }),
  ).toMatchObject({
    ok: false,
    type: 'people',
    reason: 'people list person 0: role must be a board role, got "owner"',
  })
  expect(people({ people: [] })).toMatchObject({ ok: false, reason: /"you" must be a user id/ })
  expect(people({ you: 'u_1', people: {} })).toMatchObject({ ok: false, reason: /"people" must be an array/ })
})

test('a removal without a reason is not read as one', () => {
  expect(
    parseStatelessMessage(JSON.stringify({ type: 'removed-from-board', version: FLOWMAP_PROTOCOL_VERSION })),
  ).toMatchObject({ ok: false, type: 'removed-from-board', reason: /removal reason/ })
})
