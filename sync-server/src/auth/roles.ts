/** Board roles: facilitator, editor, viewer per board, enforced by the server whatever the client does. */

export const BOARD_ROLES = ['facilitator', 'editor', 'viewer'] as const
export type BoardRole = (typeof BOARD_ROLES)[number]

export function isBoardRole(value: unknown): value is BoardRole {
  return typeof value === 'string' && (BOARD_ROLES as readonly string[]).includes(value)
}

/** Who is on the other end of a connection or HTTP request, after authentication. */
export interface BoardUser {
  /** the token's `sub`; 'local' in local mode */
  id: string
  name: string
  role: BoardRole
  /** the board the token opens, or '*' for every board */
  board: string
}

/** The Hocuspocus connection context the auth extension sets and the other extensions read. */
export interface FlowmapContext {
  user: BoardUser
}

/** Local mode (no secret): whoever can reach the loopback port is the board's facilitator. */
export const LOCAL_USER: BoardUser = { id: 'local', name: 'Local user', role: 'facilitator', board: '*' }

export function canWrite(user: BoardUser): boolean {
  return user.role !== 'viewer'
}

export function opensBoard(user: BoardUser, boardId: string): boolean {
  return user.board === '*' || user.board === boardId
}
