/**
 * The token this page presents to the server. A share link's token says who someone is, signed; with
 * none (local mode, where the server trusts no token and everyone is a facilitator) the page declares
 * this device's person instead, so history credits each browser's edits to its own name
 * (@flowmap/shared protocol/local-identity.ts). An auth-mode server reads a declaration as no token.
 */
import { localIdentityToken, localModeUserId } from '@flowmap/shared'
import { loadIdentity, type PersonIdentity } from './identity.ts'

type IdentityStorage = Pick<Storage, 'getItem' | 'setItem'>

/** The device's person, or null where there is no storage to keep one in (Node, blocked storage). */
export function devicePerson(storage: IdentityStorage | null = browserStorage()): PersonIdentity | null {
  if (storage === null) return null
  try {
    return loadIdentity(storage)
  } catch {
    return null // storage blocked (private mode): this page stays the shared "Local user"
  }
}

/** `shareToken` when there is one, else this device's declaration ('' where there is no person). */
export function presentedToken(shareToken: string | null, storage?: IdentityStorage | null): string {
  if (shareToken) return shareToken
  const person = devicePerson(storage)
  return person === null ? '' : localIdentityToken({ id: person.id, name: person.name })
}

/** The user id history records for this device's edits in local mode ('local' with no person). */
export function deviceUserId(storage?: IdentityStorage | null): string {
  const person = devicePerson(storage)
  return person === null ? 'local' : localModeUserId(person.id)
}

function browserStorage(): IdentityStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null
  }
}
