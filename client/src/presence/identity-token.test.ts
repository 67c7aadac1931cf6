import { readLocalIdentityToken } from '@flowmap/shared'
import { expect, test } from 'vitest'
import { presentedToken } from './identity-token.ts'

function storageWith(identity: Record<string, unknown> | null): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>()
  if (identity) items.set('flowmap.identity', JSON.stringify(identity))
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) }
}

test("a share token is presented as it is, whoever this device's person is", () => {
  const device = storageWith({ id: 'pdevice01', name: 'Ada', color: '#1971c2' })
  expect(presentedToken('header.claims.signature', device)).toBe('header.claims.signature')
})

test("without one, the page declares this device's person, in the form the server reads", () => {
  const device = storageWith({ id: 'pdevice01', name: 'Ada', color: '#1971c2' })
  expect(readLocalIdentityToken(presentedToken(null, device))).toEqual({
    ok: true,
    identity: { id: 'pdevice01', name: 'Ada' },
  })
  // A first visit creates the person it declares, and keeps declaring the same one.
  const fresh = storageWith(null)
  const first = presentedToken(null, fresh)
  expect(readLocalIdentityToken(first).ok).toBe(true)
  expect(presentedToken(null, fresh)).toBe(first)
})

test('with no storage to keep a person in, the page declares nobody (the server\'s "Local user")', () => {
  expect(presentedToken(null, null)).toBe('')
})
