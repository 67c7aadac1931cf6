/**
 * What the page may show from a share link's token: the role it grants and the name it carries.
 *
 * The token is a JWT the server signed (sync-server/src/auth/tokens.ts). The client reads its payload
 * without verifying it (share/share-link.ts), and only to shape the UI (a viewer gets tldraw's
 * read-only mode and no tools): the server verifies the token and enforces the role on every update,
 * whatever this says.
 */
import type { BoardRole } from '@flowmap/shared'
import { decodeShareToken } from '../share/share-link.ts'

export type ShareTokenClaims = { readonly role: BoardRole; readonly name: string | null }

export function readShareToken(token: string | null): ShareTokenClaims | null {
  if (!token) return null
  const claims = decodeShareToken(token)
  return typeof claims === 'string' ? null : { role: claims.role, name: claims.name }
}
