/**
 * What the page may show from a share link's token: the role it grants and the name it carries.
 *
 * The token is a JWT the server signed (sync-server/src/auth/tokens.ts). The client reads its payload
 * without verifying it, and only to shape the UI (a viewer gets tldraw's read-only mode and no
 * tools): the server verifies the token and enforces the role on every update, whatever this says.
 */
export type ShareRole = 'facilitator' | 'editor' | 'viewer'

export type ShareTokenClaims = { readonly role: ShareRole; readonly name: string | null }

const SHARE_ROLES: ReadonlySet<string> = new Set<ShareRole>(['facilitator', 'editor', 'viewer'])

export function readShareToken(token: string | null): ShareTokenClaims | null {
  if (!token) return null
  const payload = token.split('.')[1]
  if (!payload) return null
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/')
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) =>
      c.charCodeAt(0),
    )
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes))
    if (typeof claims !== 'object' || claims === null) return null
    const { role, name } = claims as { role?: unknown; name?: unknown }
    if (typeof role !== 'string' || !SHARE_ROLES.has(role)) return null
    return { role: role as ShareRole, name: typeof name === 'string' && name.trim() !== '' ? name : null }
  } catch {
    return null
  }
}
