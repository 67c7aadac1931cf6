/**
 * Who is looking, read from the share-link token's claims (sub, name, role). The server verifies the
 * token on every request; the client only reads it to decide what to offer (restore and naming are
 * facilitator actions, and the server refuses them to anyone else anyway). No token is local mode,
 * where everyone is the facilitator 'local' (as the server treats them).
 */
import type { BoardRole } from '@flowmap/shared'
import { decodeShareToken } from '../share/share-link.ts'

export type ViewerIdentity = { userId: string; name: string; role: BoardRole }

export const LOCAL_VIEWER: ViewerIdentity = { userId: 'local', name: 'Local user', role: 'facilitator' }

const UNKNOWN_VIEWER: ViewerIdentity = { userId: 'unknown', name: 'Unknown', role: 'viewer' }

export function viewerIdentity(token: string | null): ViewerIdentity {
  if (!token) return LOCAL_VIEWER
  const claims = decodeShareToken(token)
  if (typeof claims === 'string') return UNKNOWN_VIEWER
  const userId = claims.sub ?? 'unknown'
  return { userId, name: claims.name ?? userId, role: claims.role }
}
