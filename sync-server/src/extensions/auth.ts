/**
 * Auth: who may open which board, and what a viewer may send.
 *
 * onAuthenticate checks the board id and the token (or, in local mode, lets everyone in as facilitator
 * under the identity their browser declares) and puts the user in the connection context, where the
 * history extension reads who sent each update. A viewer's update that would change the board (a
 * hand-crafted one, a modified client) is refused with the refusal protocol before anything else sees
 * it, unless the board lets viewers comment: then it goes on to validation, whose rules let a viewer
 * write their own comments and nothing else (boards/permissions/viewers-only-comment.ts).
 *
 * Viewers do not get Hocuspocus's readOnly connection: it drops every update before any hook can judge
 * it, so a viewer could never comment; the viewer stage below does its work, from the role the
 * connection holds now.
 */

import {
  boardIdProblem,
  canEditBoard,
  REFUSAL_CODES,
  readWorkshopField,
  viewerCommentsField,
} from '@flowmap/shared'
import type { Extension, onAuthenticatePayload, onTokenSyncPayload } from '@hocuspocus/server'
import * as Y from 'yjs'
import { authorize } from '../auth/board-access.ts'
import type { BoardMembers } from '../auth/board-membership.ts'
import { localModeUser } from '../auth/local-mode-user.ts'
import type { FlowmapContext } from '../auth/roles.ts'
import type { RefuseUpdate } from '../boards/refuse-update.ts'
import type { Logger } from '../logger.ts'
import type { MessageStage } from './message-pipeline.ts'

export interface AuthExtensionOptions {
  /** null: local mode, everyone is a facilitator */
  authSecret: string | null
  /** A facilitator's role changes and removals, applied over the token's role (board-membership.ts). */
  members: BoardMembers
  logger: Logger
  refuse: RefuseUpdate
}

export function authExtension(options: AuthExtensionOptions): Extension {
  return {
    extensionName: 'flowmap-auth',
    priority: 1000,

    async onAuthenticate({ token, documentName, socketId }: onAuthenticatePayload) {
      const problem = boardIdProblem(documentName)
      const decision =
        problem === null
          ? await authorize(options.authSecret, token, documentName, options.members)
          : ({ ok: false, reason: problem, kind: 'forbidden' } as const)
      if (!decision.ok) {
        options.logger.warn({ event: 'reject', board: documentName, user: null, socketId }, decision.reason)
        // Hocuspocus turns a thrown `{ reason }` into a permission-denied message carrying that reason;
        // throwing is the only way this hook can refuse.
        throw { reason: decision.reason }
      }
      if (decision.warning !== undefined) {
        options.logger.warn(
          { event: 'identity', board: documentName, user: decision.user.id, socketId },
          decision.warning,
        )
      }
      // A user object of this connection's own: a facilitator's role change edits it in place
      // (boards/apply-member-change.ts), and the local-mode user is one object shared by many.
      return { user: { ...decision.user } } satisfies FlowmapContext
    },

    /**
     * A page sends its token again when its person renames themselves. Only a local-mode declaration is
     * read again, and only for a new name: the declaration says nothing about the role, and
     * the id stays the one the connection's Yjs client IDs were claimed under. A signed token is read
     * once, at authentication, where the connection's read-only flag is set from its role.
     */
    async onTokenSync({ token, context, documentName, socketId }: onTokenSyncPayload) {
      if (options.authSecret !== null) return
      const current = (context as FlowmapContext).user
      const { user, problem } = localModeUser(token)
      if (problem !== null || user.id !== current.id) {
        options.logger.warn(
          { event: 'identity', board: documentName, user: current.id, socketId },
          problem ??
            `a connection may rename its person but not become another (${user.id}); kept ${current.id}`,
        )
        return
      }
      // In place, not by returning a new context: the connection keeps the context object it was set up
      // with, which is the one a role change edits; and the role stays what it is now (a facilitator
      // may have changed it), only the name follows the declaration.
      current.name = user.name
    },
  }
}

/**
 * Message stage: refuses a viewer's update that would change the board, before validation sees it,
 * unless the board lets viewers comment (then validation holds them to comments).
 */
export function viewerStage(refuse: RefuseUpdate): MessageStage {
  return ({ connection, document, documentName }, incoming) => {
    if (incoming.kind !== 'update') return
    const role = (connection.context as Partial<FlowmapContext> | undefined)?.user?.role
    if (role !== undefined && canEditBoard(role)) return
    // A viewer's provider sends its own state on connect (SyncStep2): harmless while it holds nothing
    // the board lacks. Viewers are few and send rarely, so the snapshot comparison is affordable.
    if (Y.snapshotContainsUpdate(Y.snapshot(document), incoming.update)) return
    // Read before the update: the workshop map is the facilitators', so no update of a viewer's turns it on.
    if (readWorkshopField(document, viewerCommentsField) === true) return
    refuse(connection, documentName, {
      code: REFUSAL_CODES.readOnly,
      reason: 'you can view this board but not change it (your role here is viewer)',
      recordId: null,
    })
  }
}
