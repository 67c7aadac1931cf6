import { type PeopleMessage, peopleMessage } from '@flowmap/shared'
import { describe, expect, it } from 'vitest'
import type { Peer } from './awareness-bridge.ts'
import { peopleRows, verifiedOwnRole } from './people-rows.ts'

function peer(clientId: number, name: string, claimedRole: Peer['role'], isSelf = false): Peer {
  return {
    clientId,
    person: { id: `p${clientId}`, name, color: '#1971c2' },
    role: claimedRole,
    activeAt: 0,
    isSelf,
  }
}

const people: PeopleMessage = peopleMessage(
  [
    { userId: 'u_fay', name: 'Fay (link)', role: 'facilitator', clientIds: [1] },
    { userId: 'u_eve', name: 'Eve (link)', role: 'viewer', clientIds: [2] },
  ],
  'u_eve',
)

describe('the people panel rows', () => {
  it("show the role the server verified, never the one a peer's awareness claims", () => {
    // Eve's browser claims to be a facilitator in awareness; the server applies viewer.
    const rows = peopleRows(people, [peer(1, 'Fay', 'facilitator'), peer(2, 'Eve', 'facilitator', true)])
    expect(rows.map((row) => [row.name, row.role, row.isSelf])).toEqual([
      ['Eve', 'viewer', true],
      ['Fay', 'facilitator', false],
    ])
    expect(verifiedOwnRole(people)).toBe('viewer')
  })

  it('tie presence to a person only through the client IDs the server saw on their connections', () => {
    // A peer publishing under an ID the server listed for nobody is nobody's cursor here.
    const rows = peopleRows(people, [peer(7, 'Impostor', 'facilitator'), peer(2, 'Eve', 'viewer', true)])
    expect(rows.find((row) => row.userId === 'u_fay')).toMatchObject({ name: 'Fay (link)', peer: null })
    expect(rows.some((row) => row.name === 'Impostor')).toBe(false)
  })

  it('show peers without a role until the server has listed anyone', () => {
    expect(peopleRows(null, [peer(1, 'Fay', 'facilitator', true)])).toEqual([
      expect.objectContaining({ name: 'Fay', role: null, userId: null }),
    ])
    expect(verifiedOwnRole(null)).toBeNull()
  })
})
