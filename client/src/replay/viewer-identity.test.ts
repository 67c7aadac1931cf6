import { expect, test } from 'vitest'
import { LOCAL_VIEWER, viewerIdentity } from './viewer-identity.ts'

function tokenWith(claims: Record<string, unknown>): string {
  // Shaped as the server issues them: board and exp are always there.
  const json = new TextEncoder().encode(JSON.stringify({ board: 'b1', exp: 4_000_000_000, ...claims }))
  const payload = btoa(String.fromCharCode(...json))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
  return `header.${payload}.signature`
}

test('a share-link token names the person and their role; no token is the local facilitator', () => {
  expect(viewerIdentity(tokenWith({ sub: 'u1', name: 'Zoë', role: 'facilitator' }))).toEqual({
    userId: 'u1',
    name: 'Zoë',
    role: 'facilitator',
  })
  expect(viewerIdentity(tokenWith({ sub: 'u2', role: 'editor' }))).toEqual({
    userId: 'u2',
    name: 'u2',
    role: 'editor',
  })
  expect(viewerIdentity(null)).toBe(LOCAL_VIEWER)
})

test('an unreadable token or unknown role offers nothing beyond viewing', () => {
  expect(viewerIdentity('not-a-jwt').role).toBe('viewer')
  expect(viewerIdentity('a.%%%.c').role).toBe('viewer')
  expect(viewerIdentity(tokenWith({ sub: 'u3', role: 'admin' })).role).toBe('viewer')
})
