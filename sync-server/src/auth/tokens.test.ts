import { SignJWT } from 'jose'
import { expect, test } from 'vitest'
import { issueToken, verifyToken } from './tokens.ts'

const SECRET = 'a-test-secret-of-at-least-32-characters'
const inAnHour = () => new Date(Date.now() + 3_600_000)

function signedWithRole(role: unknown): Promise<string> {
  return new SignJWT({ name: 'Mallory', board: '*', role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('mallory')
    .setExpirationTime(Math.floor(inAnHour().getTime() / 1000))
    .sign(new TextEncoder().encode(SECRET))
}

test('a correctly signed token granting a role that is not a board role is refused, naming the roles it may grant', async () => {
  for (const [role, got] of [
    ['admin', 'admin'],
    [undefined, 'undefined'],
    [7, '7'],
  ] as const) {
    expect(await verifyToken(SECRET, await signedWithRole(role))).toEqual({
      ok: false,
      reason: `token role must be one of facilitator|editor|viewer, got ${got}`,
    })
  }
})

test('a token granting a board role opens as that role', async () => {
  const token = await issueToken(SECRET, { sub: 'ed', name: 'Ed', board: 'b1', role: 'editor' }, inAnHour())
  expect(await verifyToken(SECRET, token)).toMatchObject({
    ok: true,
    user: { id: 'ed', name: 'Ed', role: 'editor', board: 'b1' },
  })
})
