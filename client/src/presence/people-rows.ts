/**
 * The people panel's rows: the people the server says are on the board, with the roles it verified
 * (@flowmap/shared's people-messages.ts), each tied to the awareness peers whose client IDs the server
 * saw arrive on that person's connections, for the colour, the activity and Follow. What a peer's
 * awareness state says about its role is never shown: any browser can put anything there.
 */
import type { BoardRole, PeopleMessage } from '@flowmap/shared'
import type { Peer } from './awareness-bridge.ts'

export interface PersonRow {
  /** the verified user id, or null for a peer the server has not listed (yet) */
  readonly userId: string | null
  readonly name: string
  /** the verified role; null until the server has said */
  readonly role: BoardRole | null
  readonly isSelf: boolean
  /** the person's presence on this page, when they publish one */
  readonly peer: Peer | null
}

export function peopleRows(people: PeopleMessage | null, peers: readonly Peer[]): PersonRow[] {
  if (people === null) {
    return peers.map((peer) => ({
      userId: null,
      name: peer.person.name,
      role: null,
      isSelf: peer.isSelf,
      peer,
    }))
  }
  const byClientId = new Map(peers.map((peer) => [peer.clientId, peer]))
  const rows = people.people.map((person): PersonRow => {
    const isSelf = person.userId === people.you
    const mine = person.clientIds.flatMap((id) => byClientId.get(id) ?? [])
    const peer = mine.find((candidate) => candidate.isSelf === isSelf) ?? mine[0] ?? null
    // The name this person gave themselves on their device, where they publish one; else the link's.
    return { userId: person.userId, name: peer?.person.name ?? person.name, role: person.role, isSelf, peer }
  })
  return rows.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name))
}

/** This page's own role as the server verified it, or null until it has said. */
export function verifiedOwnRole(people: PeopleMessage | null): BoardRole | null {
  return people?.people.find((person) => person.userId === people.you)?.role ?? null
}
