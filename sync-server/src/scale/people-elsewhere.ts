/**
 * The people list across instances. Each instance knows, and verified, only the connections it holds;
 * the list a page shows (extensions/people.ts) must name everyone on the board. So each instance
 * publishes its own list of a board whenever it changes (and again every `heartbeatMs` while it has
 * people there), as a people message (@flowmap/shared's people-messages.ts, read back with the same
 * validator); the others keep the latest list per instance and merge it into theirs. A list not
 * repeated within `expireMs` is dropped (its instance died), and the board is announced again.
 */
import {
  encodeStatelessMessage,
  PEOPLE_MESSAGE_TYPE,
  type PersonOnBoard,
  parseStatelessMessage,
  peopleMessage,
} from '@flowmap/shared'

export interface PeopleElsewhere {
  /** The people connected to the board on other instances (their latest lists, merged). */
  on(boardId: string): PersonOnBoard[]
  /** This instance's own list of a board, each time it announces it: published when it changed. */
  local(boardId: string, people: readonly PersonOnBoard[]): void
  /** Another instance's list, as published. */
  receive(origin: string, boardId: string, list: string): void
  stop(): void
}

export interface PeopleElsewhereOptions {
  /** Sends this instance's list of a board (an encoded people message) to the others. */
  publish(boardId: string, list: string): void
  /** The lists of other instances changed for a board: announce it to its connections here. */
  changed(boardId: string): void
  heartbeatMs?: number
  expireMs?: number
  now?: () => number
}

export function peopleElsewhere(options: PeopleElsewhereOptions): PeopleElsewhere {
  const heartbeatMs = options.heartbeatMs ?? 15_000
  const expireMs = options.expireMs ?? heartbeatMs * 3
  const now = options.now ?? Date.now
  /** board → instance → its latest list */
  const remote = new Map<string, Map<string, { people: readonly PersonOnBoard[]; at: number }>>()
  /** board → what this instance last published (encoded) */
  const published = new Map<string, string>()

  const encode = (people: readonly PersonOnBoard[]) =>
    encodeStatelessMessage(peopleMessage(people, 'instance'))

  function dropExpired(): void {
    const cutoff = now() - expireMs
    for (const [boardId, lists] of remote) {
      let dropped = false
      for (const [origin, list] of lists) {
        if (list.at >= cutoff) continue
        lists.delete(origin)
        dropped = true
      }
      if (lists.size === 0) remote.delete(boardId)
      if (dropped) options.changed(boardId)
    }
  }

  const timer = setInterval(() => {
    for (const [boardId, list] of published) options.publish(boardId, list)
    dropExpired()
  }, heartbeatMs)
  timer.unref()

  return {
    on: (boardId) => {
      const lists = remote.get(boardId)
      if (lists === undefined) return []
      const cutoff = now() - expireMs
      return [...lists.values()].filter((list) => list.at >= cutoff).flatMap((list) => list.people)
    },
    local: (boardId, people) => {
      const list = encode(people)
      if (published.get(boardId) === list) return
      options.publish(boardId, list)
      // An empty list is said once; nothing is repeated for a board this instance has left.
      if (people.length === 0) published.delete(boardId)
      else published.set(boardId, list)
    },
    receive: (origin, boardId, list) => {
      const parsed = parseStatelessMessage(list)
      if (!parsed.ok || parsed.message.type !== PEOPLE_MESSAGE_TYPE) return
      let lists = remote.get(boardId)
      if (lists === undefined) {
        lists = new Map()
        remote.set(boardId, lists)
      }
      const before = JSON.stringify(lists.get(origin)?.people ?? [])
      lists.set(origin, { people: parsed.message.people, at: now() })
      if (JSON.stringify(parsed.message.people) !== before) options.changed(boardId)
    },
    stop: () => clearInterval(timer),
  }
}

/** One entry per person: the people here first, then those elsewhere, their presence IDs together. */
export function mergePeople(
  here: readonly PersonOnBoard[],
  elsewhere: readonly PersonOnBoard[],
): PersonOnBoard[] {
  const people = new Map<string, PersonOnBoard>()
  for (const person of [...here, ...elsewhere]) {
    const known = people.get(person.userId)
    people.set(
      person.userId,
      known === undefined
        ? person
        : { ...known, clientIds: [...new Set([...known.clientIds, ...person.clientIds])] },
    )
  }
  return [...people.values()]
}
