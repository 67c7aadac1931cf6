import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { SERVER_USER_ID } from '../history/history-entry.ts'
import {
  cleanPersonName,
  localIdentityToken,
  localModeUserId,
  MAX_PERSON_NAME_LENGTH,
  readLocalIdentityToken,
} from './local-identity.ts'

const personId = fc.stringMatching(/^[A-Za-z0-9_-]{6,64}$/)
const personName = fc
  .string({ minLength: 1, maxLength: MAX_PERSON_NAME_LENGTH })
  .filter((name) => cleanPersonName(name) !== '')

describe('a local-mode identity declaration', () => {
  test('reads back the id and cleaned name of every valid identity', () => {
    fc.assert(
      fc.property(personId, personName, (id, name) => {
        expect(readLocalIdentityToken(localIdentityToken({ id, name }))).toEqual({
          ok: true,
          identity: { id, name: cleanPersonName(name) },
        })
      }),
    )
  })

  test('never throws on any string, and a refusal always says why', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `flowmap-local:${s}`),
        ),
        (token) => {
          const read = readLocalIdentityToken(token)
          if (!read.ok) expect(read.reason.length).toBeGreaterThan(0)
        },
      ),
    )
  })

  test.each([
    ['not ours', 'eyJhbGciOiJIUzI1NiJ9.e30.x', /does not start with/],
    ['not JSON', 'flowmap-local:{id:', /not JSON/],
    ['an array', 'flowmap-local:[1,2]', /not a JSON object/],
    ['no id', 'flowmap-local:{"name":"Ada"}', /id must be/],
    ['a short id', localIdentityToken({ id: 'local', name: 'Ada' }), /id must be/],
    ['an id with a colon', localIdentityToken({ id: 'local:abc', name: 'Ada' }), /id must be/],
    ['a numeric name', 'flowmap-local:{"id":"pabcdef","name":42}', /name must be a string/],
    ['a long name', localIdentityToken({ id: 'pabcdef', name: 'x'.repeat(41) }), /at most 40/],
    ['a blank name', localIdentityToken({ id: 'pabcdef', name: ' \u0000\t ' }), /blank/],
    ['a huge token', `flowmap-local:{"id":"pabcdef","name":"${'a'.repeat(600)}"}`, /more than 512/],
  ])('refuses %s', (_what, token, reason) => {
    const read = readLocalIdentityToken(token)
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.reason).toMatch(reason)
  })

  test('names control characters away', () => {
    expect(
      readLocalIdentityToken(localIdentityToken({ id: 'pabcdef', name: 'Ada\u0007\nLovelace' })),
    ).toEqual({ ok: true, identity: { id: 'pabcdef', name: 'Ada Lovelace' } })
  })

  test("no declared id becomes the server's, the shared local user's or a share link's user id", () => {
    fc.assert(
      fc.property(personId, (id) => {
        const userId = localModeUserId(id)
        expect(userId).not.toBe(SERVER_USER_ID)
        expect(userId).not.toBe('local')
        expect(userId.startsWith('u_')).toBe(false)
      }),
    )
  })
})
