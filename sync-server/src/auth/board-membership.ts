/**
 * What a facilitator has changed about one person on a board, applied on top of what their token (or,
 * in local mode, their declaration) says, at every authentication on the socket and the HTTP API:
 * a role change (editor ⇄ viewer) replaces the token's role on that board; a removal refuses the person,
 * and the revoked token id refuses the link they used even if a new person id were put in it.
 *
 * Local mode cannot really revoke: anyone may declare any person id there, so a removed person who
 * declares another id is let in again. The removal still holds for the id they had.
 */
import { REMOVED_FROM_BOARD_REASON } from '@flowmap/shared'
import type { AsyncBoardStorage } from '../storage/async-board-storage.ts'
import type { BoardUser } from './roles.ts'

/** The part of the storage the membership reads. */
export type BoardMembers = Pick<AsyncBoardStorage, 'memberChange' | 'isTokenRevoked'>

export type MembershipCheck = { ok: true; user: BoardUser } | { ok: false; reason: string }

/**
 * `boardId` null is a request that names no board: a token for one board is still held to that board's
 * removals there, a token for every board ('*') has no board to be removed from.
 */
export async function applyMembership(
  user: BoardUser,
  boardId: string | null,
  members: BoardMembers,
): Promise<MembershipCheck> {
  const board = boardId ?? (user.board === '*' ? null : user.board)
  if (board === null) return { ok: true, user }
  if (user.tokenId !== undefined && (await members.isTokenRevoked(board, user.tokenId))) {
    return { ok: false, reason: REMOVED_FROM_BOARD_REASON }
  }
  const change = await members.memberChange(board, user.id)
  switch (change) {
    case undefined:
      return { ok: true, user }
    case 'removed':
      return { ok: false, reason: REMOVED_FROM_BOARD_REASON }
    case 'editor':
    case 'viewer':
      return { ok: true, user: { ...user, role: change } }
    default: {
      const unexpected: never = change
      throw new Error(`unknown member change ${String(unexpected)}`)
    }
  }
}
