/**
 * People: tells every connection on a board who is on it, with the ids, names and roles the server
 * verified (@flowmap/shared's protocol/people-messages.ts), whenever someone joins, leaves, renames
 * themselves (local mode), starts or stops publishing presence under an awareness client ID, or has
 * their role changed by a facilitator (boards/apply-member-change.ts).
 *
 * Announcements are coalesced per board to one per event-loop turn: a room joining at the start of a
 * workshop costs one list per connection per turn, not one per join. Each connection gets its own copy,
 * naming its own entry (`you`), so a page learns its own verified role.
 */
import { encodeStatelessMessage, type PersonOnBoard, peopleMessage } from '@flowmap/shared'
import type { Document, Extension } from '@hocuspocus/server'
import type { FlowmapContext } from '../auth/roles.ts'
import { mergePeople, type PeopleElsewhere } from '../scale/people-elsewhere.ts'

export interface People {
  extension: Extension
  /** Sends the board's people list to each of its connections, in the next turn. */
  announce(document: Document): void
}

/** `elsewhere`: with several instances, the people connected to the board on the others. */
export function createPeople(elsewhere: PeopleElsewhere | null = null): People {
  const scheduled = new WeakSet<Document>()

  const announce = (document: Document) => {
    if (scheduled.has(document)) return
    scheduled.add(document)
    setImmediate(() => {
      scheduled.delete(document)
      const here = peopleOnBoard(document)
      if (elsewhere === null) return sendPeopleList(document, here)
      elsewhere.local(document.name, here)
      sendPeopleList(document, mergePeople(here, elsewhere.on(document.name)))
    })
  }

  return {
    announce,
    extension: {
      extensionName: 'flowmap-people',
      // After auth (1000), whose onTokenSync renames the connection's person first.
      priority: 100,
      async connected({ connection }) {
        announce(connection.document)
      },
      async onDisconnect({ document }) {
        announce(document)
      },
      async onTokenSync({ document }) {
        announce(document)
      },
      // Cursor moves are updates: only a presence that appears or goes changes whose client IDs are whose.
      async onAwarenessUpdate({ document, added, removed }) {
        if (added.length > 0 || removed.length > 0) announce(document)
      },
    },
  }
}

/** Who is connected to the board now: one entry per person, in the order they joined. */
export function peopleOnBoard(document: Document): PersonOnBoard[] {
  const people = new Map<string, PersonOnBoard & { clientIds: number[] }>()
  for (const connection of document.getConnections()) {
    const user = (connection.context as Partial<FlowmapContext> | undefined)?.user
    if (user === undefined) continue
    const person = people.get(user.id) ?? { userId: user.id, name: user.name, role: user.role, clientIds: [] }
    person.clientIds.push(...document.getClients(connection))
    people.set(user.id, person)
  }
  return [...people.values()]
}

function sendPeopleList(document: Document, people: readonly PersonOnBoard[]): void {
  for (const connection of document.getConnections()) {
    const user = (connection.context as Partial<FlowmapContext> | undefined)?.user
    if (user !== undefined) connection.sendStateless(encodeStatelessMessage(peopleMessage(people, user.id)))
  }
}
