/**
 * A facilitator's change to one person, applied to that person's live connections on the board at once
 * (the stored change, board-membership.ts, holds it for every later connection):
 * - `editor` / `viewer`: the connection's read-only flag and its context's role change in place, so the
 *   person's next update meets the read-only stage (extensions/auth.ts) as a viewer's would, and a
 *   promoted viewer's next update is taken, all without a reconnect;
 * - `removed`: the person is told why, then their whole socket closes. Closing the socket, not only the
 *   board's document connection: a provider whose socket closes reconnects, and is then refused with the
 *   same reason, so even a page that missed the message ends up saying so.
 */
import { encodeStatelessMessage, type MemberChange, removedMessage } from '@flowmap/shared'
import type { Connection, Document, Hocuspocus } from '@hocuspocus/server'
import type { FlowmapContext } from '../auth/roles.ts'
import { FLOWMAP_CLOSE } from '../protocol/close-codes.ts'

/** The live side of a member change, as the HTTP route sees it. */
export interface LiveMembers {
  /** The token ids (jti) the person's connections to the board were opened with: the links to revoke. */
  tokenIdsOf(boardId: string, userId: string): string[]
  /** Applies `change` to every connection of `userId` on the board; returns how many there were. */
  apply(boardId: string, userId: string, change: MemberChange): number
}

export function liveMembers(hocuspocus: Hocuspocus, announce: (document: Document) => void): LiveMembers {
  const connectionsOf = (boardId: string, userId: string) =>
    [...(hocuspocus.documents.get(boardId)?.getConnections() ?? [])].filter(
      (connection) => userOf(connection)?.id === userId,
    )
  return {
    tokenIdsOf: (boardId, userId) => [
      ...new Set(connectionsOf(boardId, userId).flatMap((connection) => userOf(connection)?.tokenId ?? [])),
    ],
    apply: (boardId, userId, change) => {
      const connections = connectionsOf(boardId, userId)
      applyToConnections(connections, change)
      const document = hocuspocus.documents.get(boardId)
      if (document !== undefined) announce(document)
      return connections.length
    },
  }
}

function applyToConnections(connections: readonly Connection[], change: MemberChange): void {
  for (const connection of connections) {
    if (change === 'removed') {
      connection.sendStateless(encodeStatelessMessage(removedMessage()))
      connection.webSocket.close(FLOWMAP_CLOSE.removed.code, FLOWMAP_CLOSE.removed.reason)
      continue
    }
    const user = userOf(connection)
    if (user === undefined) continue
    // Hocuspocus hands every message hook the context object the connection was set up with and offers
    // no way to replace it, so the role changes in place (the auth extension gives each connection a
    // user object of its own for this).
    user.role = change
  }
}

function userOf(connection: Connection): FlowmapContext['user'] | undefined {
  return (connection.context as Partial<FlowmapContext> | undefined)?.user
}
