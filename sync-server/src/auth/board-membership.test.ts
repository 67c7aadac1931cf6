import { BOARD_ROLES, MEMBER_CHANGES, type MemberChange, REMOVED_FROM_BOARD_REASON } from '@flowmap/shared'
import { describe, expect, it } from 'vitest'
import { applyMembership, type BoardMembers } from './board-membership.ts'
import type { BoardUser } from './roles.ts'

function members(changes: Record<string, MemberChange>, revoked: string[] = []): BoardMembers {
  return {
    memberChange: async (board, userId) => changes[`${board}/${userId}`],
    isTokenRevoked: async (board, tokenId) => revoked.includes(`${board}/${tokenId}`),
  }
}

const cases = BOARD_ROLES.flatMap((role) => MEMBER_CHANGES.map((change) => ({ role, change })))

describe('a facilitator’s change over the token’s role', () => {
  it.each(cases)('a $role token with the change "$change" on the board', async ({ role, change }) => {
    const user: BoardUser = { id: 'u_1', name: 'Ada', role, board: 'b1', tokenId: 't1' }
    const checked = await applyMembership(user, 'b1', members({ 'b1/u_1': change }))
    if (change === 'removed') expect(checked).toEqual({ ok: false, reason: REMOVED_FROM_BOARD_REASON })
    else expect(checked).toEqual({ ok: true, user: { ...user, role: change } })
  })

  it('leaves the token’s role where nothing was changed, and on other boards', async () => {
    const user: BoardUser = { id: 'u_1', name: 'Ada', role: 'editor', board: '*', tokenId: 't1' }
    const on = members({ 'b1/u_1': 'viewer' }, ['b1/t1'])
    expect(await applyMembership(user, 'b2', on)).toEqual({ ok: true, user })
    // A request naming no board, with a token for every board, has no board to be removed from.
    expect(await applyMembership(user, null, on)).toEqual({ ok: true, user })
  })

  it('refuses a revoked token whatever its person’s change says, and holds a one-board token to its board', async () => {
    const user: BoardUser = { id: 'u_1', name: 'Ada', role: 'editor', board: 'b1', tokenId: 't1' }
    const readmitted = members({ 'b1/u_1': 'editor' }, ['b1/t1'])
    expect((await applyMembership(user, 'b1', readmitted)).ok).toBe(false)
    expect((await applyMembership(user, null, readmitted)).ok).toBe(false)
    expect((await applyMembership({ ...user, tokenId: 't2' }, 'b1', readmitted)).ok).toBe(true)
  })
})
