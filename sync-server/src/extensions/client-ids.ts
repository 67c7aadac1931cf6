/**
 * Client IDs belong to their writer (boards/client-id-owners.ts says why and who owns what).
 *
 * The message stage runs before validation: it reads which client IDs an update has structs under
 * (Y.parseUpdateMeta, O(update)) and refuses the update if one belongs to someone else, before the shadow
 * is touched (so a refusal here costs no rebuild). IDs nobody owns yet are claimed by the writer, in the
 * same storage transaction as the update's history append (`appendFromConnection`): a claim is never
 * stored without its update or after its acknowledgement. Owners are cached per loaded board, keyed by
 * the Hocuspocus document, so they go with it when it unloads; they are read when the board loads, and
 * the hot path reads only the cache. Awareness messages are read too (the client IDs they announce, not
 * their states), so that a fresh ID is its announcer's before anyone else can learn it from the relay.
 */

import { REFUSAL_CODES } from '@flowmap/shared'
import type { Document, Extension, onDisconnectPayload, onLoadDocumentPayload } from '@hocuspocus/server'
import * as Y from 'yjs'
import type { FlowmapContext } from '../auth/roles.ts'
import type { BoardShadows } from '../boards/board-shadows.ts'
import { BoardClientIds, type ClientIdWriter, storedOwner } from '../boards/client-id-owners.ts'
import type { RefuseUpdate } from '../boards/refuse-update.ts'
import { presentAwarenessClients } from '../protocol/awareness-clients.ts'
import type { AsyncBoardStorage, AsyncBoardTransaction } from '../storage/async-board-storage.ts'
import type { AfterMessageStage, MessageStage } from './message-pipeline.ts'

export interface ClientIdsOptions {
  storage: AsyncBoardStorage
  shadows: BoardShadows
  refuse: RefuseUpdate
  /** No auth secret: everyone is 'local', so connections own IDs (in memory) instead of people. */
  localMode: boolean
  /**
   * Other instances write the same database (REDIS_URL): an ID missing from this board's cache is looked
   * up again before it is claimed, since another instance may have stored its owner since the load.
   */
  peers: boolean
}

export interface ClientIds {
  /** Message stage, before validation: refuses foreign IDs, notes the claims of this message. */
  stage: MessageStage
  /** Forgets the claims of a message that was not appended. */
  after: AfterMessageStage
  /** Frees what a connection held when it disconnects: announcements not yet written, local-mode IDs. */
  extension: Extension
  /**
   * Runs the history append of a connection's message together with its claims: `append` writes through
   * the store it is given (one transaction with the claims, or the storage itself when there are none:
   * one append is one statement, committed by itself) and answers the entry's seq.
   */
  appendFromConnection(
    document: Document,
    connection: object,
    boardId: string,
    append: Append,
  ): Promise<number>
  /** Runs the history append of a server-made change, claiming its new IDs for the server. */
  appendFromServer(document: Document, boardId: string, update: Uint8Array, append: Append): Promise<number>
}

export type Append = (store: AsyncBoardTransaction) => Promise<number>

interface PendingClaims {
  board: BoardClientIds
  clientIds: number[]
  writer: ClientIdWriter
}

export function createClientIds(options: ClientIdsOptions): ClientIds {
  const { storage, shadows, refuse, localMode, peers } = options
  const boards = new WeakMap<Document, BoardClientIds>()
  const pending = new WeakMap<object, PendingClaims>()

  /** One query per board load; afterwards an ID missing from the cache is an ID nobody owns. */
  async function load(document: Document, boardId: string): Promise<void> {
    if (boards.has(document)) return
    const stored = localMode ? [] : await storage.readClientIds(boardId)
    if (boards.has(document)) return
    boards.set(
      document,
      new BoardClientIds({
        stored,
        localMode,
        isOpen: (connection) => document.hasConnection(connection as never),
      }),
    )
  }

  function boardOf(document: Document, boardId: string): BoardClientIds {
    const board = boards.get(document)
    // onLoadDocument reads the owners before any message of the board can arrive.
    if (board === undefined) throw new Error(`board ${boardId}'s client-ID owners were not loaded`)
    return board
  }

  async function commit(boardId: string, claims: PendingClaims, append: Append): Promise<number> {
    const owner = storedOwner(claims.writer)
    const seq =
      owner === undefined
        ? await append(storage)
        : await storage.transaction(async (tx) => {
            const firstSeen = Date.now()
            await tx.claimClientIds(
              boardId,
              claims.clientIds.map((clientId) => ({ clientId, owner, firstSeen })),
            )
            return append(tx)
          })
    // Only once stored: a failed append leaves the IDs unclaimed in the cache as in the database.
    claims.board.commit(claims.clientIds, claims.writer)
    return seq
  }

  /** An awareness message: the IDs it shows a presence for are the sender's, if nobody has them yet. */
  function announce(
    message: Uint8Array,
    document: Document,
    boardId: string,
    writer: ClientIdWriter,
    socketId: string,
  ): void {
    const clientIds = presentAwarenessClients(message)
    if (clientIds.length === 0) return
    const board = boardOf(document, boardId)
    const store = shadows.get(document)?.doc.store
    for (const clientId of clientIds) {
      board.announce(clientId, writer, socketId, store !== undefined && Y.getState(store, clientId) > 0)
    }
  }

  const stage: MessageStage = async (payload, incoming) => {
    const { connection, document, documentName, context, socketId } = payload
    pending.delete(connection)
    const shadow = shadows.get(document)
    if (shadow === undefined) return
    const writer: ClientIdWriter = localMode
      ? { kind: 'connection', connection, socketId }
      : { kind: 'person', subject: (context as FlowmapContext).user.id }
    if (incoming.kind === 'no-content') {
      announce(payload.update, document, documentName, writer, socketId)
      return
    }
    if (incoming.kind !== 'update') return
    let structsUpTo: Map<number, number>
    try {
      structsUpTo = Y.parseUpdateMeta(incoming.update).to
    } catch {
      // Not a Yjs update: the validation stage refuses it, with the decoder's reason.
      return
    }
    if (structsUpTo.size === 0) return
    const board = boardOf(document, documentName)
    const store = shadow.doc.store
    const stateOf = (clientId: number) => Y.getState(store, clientId)
    let check = board.check(structsUpTo, writer, stateOf)
    if (check.ok && check.claims.length > 0 && peers && !localMode) {
      board.learnStored(await storage.readClientIds(documentName))
      check = board.check(structsUpTo, writer, stateOf)
    }
    if (!check.ok) {
      return refuse(connection, documentName, {
        code: REFUSAL_CODES.foreignClientId,
        reason: `change not applied: it writes under Yjs client ID ${check.clientId}, which ${
          check.owner.kind === 'server' ? 'the server' : 'another writer'
        } owns on this board; a client writes only under its own ID`,
        recordId: null,
      })
    }
    if (check.claims.length > 0) pending.set(connection, { board, clientIds: check.claims, writer })
  }

  return {
    stage,
    after: ({ connection }) => {
      pending.delete(connection)
    },
    extension: {
      extensionName: 'flowmap-client-ids',
      // Read with the board, so that the message path never waits on (or fails in) a query.
      async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
        await load(document, documentName)
      },
      async onDisconnect({ document, socketId }: onDisconnectPayload) {
        boards.get(document)?.releaseConnection(socketId)
      },
    },
    appendFromConnection(_document, connection, boardId, append) {
      const claims = pending.get(connection)
      pending.delete(connection)
      // With no claims the append is one statement, its own transaction: no BEGIN/COMMIT (SAVEPOINT/RELEASE)
      // round trips around it.
      return claims === undefined ? append(storage) : commit(boardId, claims, append)
    },
    appendFromServer(document, boardId, update, append) {
      const board = boardOf(document, boardId)
      const clientIds = [...Y.parseUpdateMeta(update).to.keys()].filter(
        (clientId) => board.ownerOf(clientId) === undefined,
      )
      if (clientIds.length === 0) return append(storage)
      return commit(boardId, { board, clientIds, writer: { kind: 'server' } }, append)
    },
  }
}
