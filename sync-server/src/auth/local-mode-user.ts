/**
 * Who a connection is in local mode: the person the browser declares (@flowmap/shared's
 * protocol/local-identity.ts says why it may, and the rules), a facilitator like everyone else here.
 * No declaration (a tool, curl, an older client) is the shared "Local user"; a malformed one is too,
 * with the reason, so the operator can see which client sends it.
 */
import { isLocalIdentityToken, localModeUserId, readLocalIdentityToken } from '@flowmap/shared'
import { type BoardUser, LOCAL_USER } from './roles.ts'

export type LocalModeUser = { user: BoardUser; problem: string | null }

export function localModeUser(token: string): LocalModeUser {
  if (token === '') return { user: LOCAL_USER, problem: null }
  if (!isLocalIdentityToken(token)) {
    return {
      user: LOCAL_USER,
      problem:
        'the server runs without FLOWMAP_AUTH_SECRET, so this token is not read: edits count as "Local user"',
    }
  }
  const read = readLocalIdentityToken(token)
  if (!read.ok) {
    return {
      user: LOCAL_USER,
      problem: `the declared identity is unusable (${read.reason}): edits count as "Local user"`,
    }
  }
  return {
    user: { ...LOCAL_USER, id: localModeUserId(read.identity.id), name: read.identity.name },
    problem: null,
  }
}
