/**
 * Who a connection or request is, enforced by the server whatever the client does. The roles themselves
 * and what each may do are @flowmap/shared's (protocol/board-roles.ts), so both ends ask the same questions.
 */
import type { BoardRole } from '@flowmap/shared'

/** Who is on the other end of a connection or HTTP request, after authentication. */
export interface BoardUser {
  /** the token's `sub`; in local mode `local:<declared person id>`, or 'local' for a client that declares none */
  id: string
  name: string
  role: BoardRole
  /** the board the token opens, or '*' for every board */
  board: string
  /** the token's `jti`, by which it can be revoked; absent in local mode and on tokens signed before jti */
  tokenId?: string
}

/** The Hocuspocus connection context the auth extension sets and the other extensions read. */
export interface FlowmapContext {
  user: BoardUser
}

/**
 * Local mode (no secret): whoever can reach the loopback port is the board's facilitator. This is who a
 * client that declares no identity (a tool, an older page) or an unusable one is (local-mode-user.ts).
 */
export const LOCAL_USER: BoardUser = { id: 'local', name: 'Local user', role: 'facilitator', board: '*' }

export function opensBoard(user: BoardUser, boardId: string): boolean {
  return user.board === '*' || user.board === boardId
}
