/**
 * Who is looking, read from the share-link token's claims (sub, name, role). The server verifies the
 * token on every request; the client only reads it to decide what to offer (restore and naming are
 * facilitator actions, and the server refuses them to anyone else anyway). No token is local mode,
 * where everyone is the facilitator 'local' (as the server treats them).
 */
export type ViewerIdentity = { userId: string; name: string; role: 'facilitator' | 'editor' | 'viewer' }

export const LOCAL_VIEWER: ViewerIdentity = { userId: 'local', name: 'Local user', role: 'facilitator' }

export function viewerIdentity(token: string | null): ViewerIdentity {
  if (!token) return LOCAL_VIEWER
  const payload = token.split('.')[1]
  if (!payload) return { userId: 'unknown', name: 'Unknown', role: 'viewer' }
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/')
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) =>
      c.charCodeAt(0),
    )
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>
    const role = claims.role === 'facilitator' || claims.role === 'editor' ? claims.role : 'viewer'
    const userId = typeof claims.sub === 'string' ? claims.sub : 'unknown'
    const name = typeof claims.name === 'string' ? claims.name : userId
    return { userId, name, role }
  } catch {
    return { userId: 'unknown', name: 'Unknown', role: 'viewer' }
  }
}
