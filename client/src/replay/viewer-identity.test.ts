import { expect, test } from 'vitest'
import { viewerIdentity } from './viewer-identity.ts'

/** A Storage stand-in holding one device identity, as loadIdentity saves it. */
function storageWith(identity: Record<string, unknown> | null): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>()
  if (identity) items.set('flowmap.identity', JSON.stringify(identity))
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) }
}

function tokenWith(claims: Record<string, unknown>): string {
  // Shaped as the server issues them: board and exp are always there.
  const json = new TextEncoder().encode(JSON.stringify({ board: 'b1', exp: 4_000_000_000, ...claims }))
  const payload = btoa(String.fromCharCode(...json))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
  return `header.${payload}.signature`
}

test('a share-link token names the person and their role, whoever this device says it is', () => {
  const device = storageWith({ id: 'pdevice01', name: 'Ada', color: '#1971c2' })
  expect(viewerIdentity(tokenWith({ sub: 'u1', name: 'Zoë', role: 'facilitator' }), device)).toEqual({
    userId: 'u1',
    name: 'Zoë',
    role: 'facilitator',
  })
  expect(viewerIdentity(tokenWith({ sub: 'u2', role: 'editor' }))).toEqual({
    userId: 'u2',
    name: 'u2',
    role: 'editor',
  })
})

test("no token (local mode) is this device's person, as the server credits its edits, and a facilitator", () => {
  const device = storageWith({ id: 'pdevice01', name: 'Ada', color: '#1971c2' })
  expect(viewerIdentity(null, device)).toEqual({
    userId: 'local:pdevice01',
    name: 'Ada',
    role: 'facilitator',
  })
  // No storage to keep a person in: the shared local user, as the server names a page that declares none.
  expect(viewerIdentity(null, null)).toEqual({ userId: 'local', name: 'Local user', role: 'facilitator' })
})

test('an unreadable token or unknown role offers nothing beyond viewing', () => {
  expect(viewerIdentity('not-a-jwt').role).toBe('viewer')
  expect(viewerIdentity('a.%%%.c').role).toBe('viewer')
  expect(viewerIdentity(tokenWith({ sub: 'u3', role: 'admin' })).role).toBe('viewer')
})
