/**
 * Who is looking, read from the share-link token's claims (sub, name, role). The server verifies the
 * token on every request; the client only reads it to decide what to offer (restore and naming are
 * facilitator actions, and the server refuses them to anyone else anyway) and to tell "You" apart in
 * the history. No token is local mode: everyone is a facilitator, and this device's person is who the
 * server credits its edits to (`local:<person id>`, see presence/identity-token.ts).
 */
import type { BoardRole } from '@flowmap/shared'
import { devicePerson, deviceUserId } from '../presence/identity-token.ts'
import { decodeShareToken } from '../share/share-link.ts'

export type ViewerIdentity = { userId: string; name: string; role: BoardRole }

const UNKNOWN_VIEWER: ViewerIdentity = { userId: 'unknown', name: 'Unknown', role: 'viewer' }

type IdentityStorage = Pick<Storage, 'getItem' | 'setItem'>

export function viewerIdentity(token: string | null, storage?: IdentityStorage | null): ViewerIdentity {
  if (!token) {
    const person = devicePerson(storage)
    return { userId: deviceUserId(storage), name: person?.name ?? 'Local user', role: 'facilitator' }
  }
  const claims = decodeShareToken(token)
  if (typeof claims === 'string') return UNKNOWN_VIEWER
  const userId = claims.sub ?? 'unknown'
  return { userId, name: claims.name ?? userId, role: claims.role }
}
