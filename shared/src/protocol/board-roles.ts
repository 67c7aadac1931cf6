/**
 * Board access roles, as a share token grants them: the server enforces them on every message and
 * request; the client reads them from the token only to decide what to offer. Both ask the same
 * capability questions here, so a role's powers are written once.
 */

export const BOARD_ROLES = ['facilitator', 'editor', 'viewer'] as const

export type BoardRole = (typeof BOARD_ROLES)[number]

export function isBoardRole(value: unknown): value is BoardRole {
  return typeof value === 'string' && (BOARD_ROLES as readonly string[]).includes(value)
}

/** Why a value is not a board role, e.g. "must be one of facilitator|editor|viewer, got admin"; null if it is one. */
export function boardRoleProblem(value: unknown): string | null {
  return isBoardRole(value) ? null : `must be one of ${BOARD_ROLES.join('|')}, got ${String(value)}`
}

/** May change the board's content (records, roles, board fields); a viewer only reads. */
export function canEditBoard(role: BoardRole): boolean {
  return role !== 'viewer'
}

/** May run the board: invite people, create boards, name versions (and the client offers restore only then). */
export function canFacilitateBoard(role: BoardRole): boolean {
  return role === 'facilitator'
}
