/**
 * One open board: its doc from the device, the store binding, the connection to the server, and the
 * refusal reset that replaces all three when the server refuses one of our updates (its steps:
 * refusal-rebase.ts, send-in-parts.ts, refusal-reset.ts). React-free, so the whole life of a board runs
 * in Node tests against a real server; use-board-sync.ts wraps it for React.
 *
 * Order on open: the doc is loaded from IndexedDB (y-dexie) and put into the store BEFORE the socket
 * connects, so the board shows at once and works with no network; the provider then syncs whatever
 * either side lacks (offline edits included, by state vector).
 */

import {
  observeBoard,
  type PeopleMessage,
  REFUSAL_CODES,
  REMOVED_FROM_BOARD_REASON,
  type RefusalMessage,
  readBoardTitle,
} from '@flowmap/shared'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import type { TLStore } from 'tldraw'
import * as Y from 'yjs'
import { compactWhileEditing } from '../storage/board-compaction.ts'
import type { BoardDatabase } from '../storage/board-database.ts'
import { type LocalBoard, openLocalBoard, replaceLocalBoardState } from '../storage/local-board.ts'
import { describeStorageError, STORAGE_BLOCKED_MESSAGE } from '../storage/storage-error.ts'
import { type BoardConnection, connectBoard } from './board-connection.ts'
import { type ConnectionStatus, OFFLINE } from './connection-status.ts'
import { loadDocIntoStore } from './load-doc-into-store.ts'
import { PendingChanges, type PendingChangesStore } from './pending-changes.ts'
import type { RefusalNotice } from './refusal-notice.ts'
import { fetchStateAfterRefusal, rebaseOnServerState } from './refusal-rebase.ts'
import type { ResetConnectionHandlers, ResetConnections } from './reset-connections.ts'
import { DEFAULT_STORAGE_RETRY_DELAYS, type StorageRetryDelays, storageRetryDelay } from './storage-retry.ts'
import { bindStoreToDoc, type StoreBinding } from './store-binding.ts'
import type { UndoGuard } from './undo-guard.ts'

export type BoardLoadState = { state: 'loading' } | { state: 'ready' } | { state: 'error'; problem: string }

export interface BoardSessionState {
  readonly load: BoardLoadState
  readonly doc: Y.Doc | null
  readonly provider: HocuspocusProvider | null
  readonly status: ConnectionStatus
  readonly refusal: RefusalNotice | null
  readonly storageError: string | null
  /** The server turned the connection down for a reason of its own (too busy), or sent what this build cannot read. */
  readonly connectionProblem: string | null
  /**
   * The server would not let this link open the board (a bad, expired or missing token), in its words;
   * the page then shows that one message instead of the board (share/LinkNotValidPage.tsx).
   */
  readonly linkRefused: string | null
  /** Who is on the board, with the roles the server verified, and which entry is this page (people-messages.ts). */
  readonly people: PeopleMessage | null
  /** A facilitator removed this person from the board, in the server's words: the page says so, no board. */
  readonly removed: string | null
}

export interface BoardSessionOptions {
  readonly boardId: string
  readonly token: string | null
  readonly store: TLStore
  /** ws(s)://host/collab */
  readonly collabUrl: string
  /** The device's database, owned (and closed) by the session; null keeps the board in memory only. */
  readonly database: BoardDatabase | null
  readonly compactionThreshold?: number
  /** Why `database` is null, when opening it already failed; shown as the storage error. */
  readonly storageProblem?: string | null
  /** Keeps undo to local edits; the hook creates it with the store (see undo-guard.ts). */
  readonly undoGuard?: UndoGuard
  /** A viewer's board: the doc is only read, never written (no migration, repair or local edit). */
  readonly readOnly?: boolean
  /** Where records the store cannot take are reported (default: console.warn). */
  onRejectedRecord?(message: string): void
  /** Keeps the ids of changed records not yet on the server across reloads (pending-changes.ts). */
  readonly pendingChangesStore?: PendingChangesStore | null
  /** Waits before sending again changes the server could not store (storage-retry.ts). */
  readonly storageRetryDelays?: StorageRetryDelays
}

/** How the server's own close reasons start (sync-server/src/protocol/close-codes.ts), as opposed to a token's. */
const SERVER_REASON_PREFIX = 'flowmap: '

/** Why a viewer's local change was undone, in the words of the page's "View only" badge. */
const VIEW_ONLY_REASON = 'this link lets you look, not edit'

/** How often, at most, "last synced" is written to the boards table. */
const LAST_SYNCED_WRITE_INTERVAL_MS = 5000

/** Where every session starts: nothing loaded, nothing connected. */
export const LOADING_SESSION_STATE: BoardSessionState = Object.freeze({
  load: { state: 'loading' as const },
  doc: null,
  provider: null,
  status: OFFLINE,
  refusal: null,
  storageError: null,
  connectionProblem: null,
  linkRefused: null,
  people: null,
  removed: null,
})

export class BoardSession {
  readonly #options: BoardSessionOptions
  #state: BoardSessionState = LOADING_SESSION_STATE
  readonly #listeners = new Set<() => void>()
  #local: LocalBoard | null = null
  #binding: StoreBinding | null = null
  #connection: BoardConnection | null = null
  #stopWatchingDoc: Array<() => void> = []
  #resetting = false
  #destroyed = false
  #lastSyncedWrite = 0
  /** storage-unavailable refusals in a row; the next wait grows with it (storage-retry.ts). */
  #storageRetries = 0
  #cancelRetryWait: (() => void) | null = null
  /** What the reset's own short-lived connections need of the board (reset-connections.ts). */
  readonly #resetConnections: ResetConnections = {
    connect: (doc, handlers) => this.#connect(doc, handlers),
    currentDoc: () => this.#state.doc,
    isClosed: () => this.#destroyed,
    onClose: (stop) => {
      this.#stopWatchingDoc.push(stop)
    },
  }

  /** What the chip counts: records changed here and not yet acknowledged (pending-changes.ts). */
  readonly #pending: PendingChanges

  constructor(options: BoardSessionOptions) {
    this.#options = options
    this.#pending = new PendingChanges(options.boardId, options.pendingChangesStore ?? null)
    this.#state = { ...this.#state, status: this.#counted(OFFLINE) }
    if (options.storageProblem) this.#state = { ...this.#state, storageError: options.storageProblem }
    options.database?.on('blocked', () => this.#update({ storageError: STORAGE_BLOCKED_MESSAGE }))
  }

  getState(): BoardSessionState {
    return this.#state
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  async start(): Promise<void> {
    const doc = await this.#openDoc()
    if (this.#destroyed) {
      this.#releaseDoc(doc)
      return
    }
    this.#attach(doc)
  }

  dismissRefusal(): void {
    this.#update({ refusal: null })
  }

  /** Test hook: closes the socket as a network drop would. */
  dropSocket(): void {
    this.#connection?.dropSocket()
  }

  /** Test hook: applies raw Yjs update bytes to the doc, as a buggy or hostile client might. */
  forceRawUpdate(update: Uint8Array): void {
    const doc = this.#state.doc
    if (!doc) throw new Error('the board is not open yet: no doc to apply the update to')
    Y.applyUpdate(doc, update, forcedUpdateOrigin)
  }

  destroy(): void {
    if (this.#destroyed) return
    this.#destroyed = true
    this.#cancelRetryWait?.()
    this.#detach()
    const doc = this.#state.doc
    if (doc) this.#releaseDoc(doc)
    this.#options.database?.close()
    this.#listeners.clear()
  }

  async #openDoc(): Promise<Y.Doc> {
    const { database, boardId } = this.#options
    if (database) {
      try {
        this.#local = await openLocalBoard(database, boardId, {
          onStorageError: (message) => this.#update({ storageError: message }),
        })
        return this.#local.doc
      } catch (error) {
        this.#update({ storageError: describeStorageError(error) })
      }
    }
    return new Y.Doc()
  }

  #releaseDoc(doc: Y.Doc): void {
    if (this.#local?.doc === doc) this.#local.release()
    else doc.destroy()
    this.#local = null
  }

  /** Store ← doc, binding, connection; in this order, so the board shows before any network. */
  #attach(doc: Y.Doc): void {
    const { store, database, boardId } = this.#options
    const readOnly = this.#options.readOnly ?? false
    const load = loadDocIntoStore(store, doc, { readOnly })
    if (!load.ok) {
      // Never write into a board this version cannot read; show why instead.
      this.#update({ load: { state: 'error', problem: load.problem }, doc })
      return
    }
    for (const skipped of load.skipped) this.#reportRejectedRecord(skipped)
    this.#binding = bindStoreToDoc({
      store,
      doc,
      onRejectedRecord: (m) => this.#reportRejectedRecord(m),
      undoGuard: this.#options.undoGuard,
      readOnly,
      onLocalChange: (recordIds) => {
        this.#pending.add(recordIds)
        this.#update({ status: this.#counted(this.#state.status) })
      },
      onViewOnlyRollback: (recordIds) =>
        this.#update({
          refusal: { reason: VIEW_ONLY_REASON, recordId: null, rolledBack: recordIds, viewOnly: true },
        }),
    })
    if (database && this.#local) {
      const local = this.#local
      this.#stopWatchingDoc.push(
        compactWhileEditing(database, boardId, doc, {
          threshold: this.#options.compactionThreshold,
          onError: (error) => this.#update({ storageError: describeStorageError(error) }),
        }),
        observeBoard(doc, () => {
          // Before the first sync the doc has no title: recording the default then would hide the
          // server's title in the board list.
          const title = readBoardTitle(doc)
          if (title === null) return
          local.setTitle(title).catch((error) => this.#update({ storageError: describeStorageError(error) }))
        }),
      )
    }
    this.#connection = this.#connectBoard(doc)
    this.#update({
      load: { state: 'ready' },
      doc,
      provider: this.#connection.provider,
      status: this.#counted(this.#connection.status()),
    })
  }

  /** The board's own connection: refusals lead to a reset, or to a retry when storage failed. */
  #connectBoard(doc: Y.Doc): BoardConnection {
    return this.#connect(doc, {
      onRefusal: (message) =>
        void (message.code === REFUSAL_CODES.storageUnavailable
          ? this.#retryLater(message)
          : this.#reset(message)),
      onAllAcknowledged: () => {
        this.#pending.clear()
        this.#update({ status: this.#counted(this.#state.status) })
        if (this.#storageRetries > 0) {
          // Stored after all: the banner about the failure is no longer true.
          this.#storageRetries = 0
          if (this.#state.refusal?.retryInMs !== undefined) this.#update({ refusal: null })
        }
        this.#markSynced()
      },
    })
  }

  /**
   * The server could not store our update (full disk, database lost): nothing in it is wrong and it
   * was not applied anywhere, so no reset: the doc keeps every change (and takes new ones) while we
   * wait, then a new connection on the same doc sends what the server lacks, by state vector.
   */
  async #retryLater(message: RefusalMessage): Promise<void> {
    if (this.#resetting || this.#destroyed) return
    this.#resetting = true
    try {
      this.#stopBoardConnection()
      const delay = storageRetryDelay(
        this.#storageRetries++,
        this.#options.storageRetryDelays ?? DEFAULT_STORAGE_RETRY_DELAYS,
      )
      this.#update({
        provider: null,
        status: this.#counted(OFFLINE),
        refusal: { reason: message.reason, recordId: message.recordId, rolledBack: [], retryInMs: delay },
      })
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay)
        this.#cancelRetryWait = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.#cancelRetryWait = null
      const doc = this.#state.doc
      if (this.#destroyed || !doc) return
      this.#connection = this.#connectBoard(doc)
      this.#update({ provider: this.#connection.provider, status: this.#counted(this.#connection.status()) })
    } finally {
      this.#resetting = false
    }
  }

  /**
   * The server refused a change in a message this build cannot read (another protocol version, an
   * unknown code): what to roll back is not known, so nothing is. The connection is stopped (it would
   * stay "connected" while edits silently stay local) and the person is asked to reload, which brings
   * the build the server speaks; every change stays in the doc meanwhile, to be sent by the next page.
   */
  #stopOnUnreadableRefusal(reason: string): void {
    this.#stopBoardConnection()
    this.#update({
      provider: null,
      status: this.#counted(OFFLINE),
      connectionProblem: `The server refused a change in a form this page cannot read (${reason}). Reload the page to sync again; the changes made here are kept on this device.`,
    })
  }

  /** After a refusal the board's provider would send the refused update forever. */
  #stopBoardConnection(): void {
    this.#connection?.destroy()
    this.#connection = null
  }

  #connect(doc: Y.Doc, handlers: ResetConnectionHandlers): BoardConnection {
    const { collabUrl, boardId, token } = this.#options
    return connectBoard({
      url: collabUrl,
      boardId,
      token,
      doc,
      onStatus: (status) => this.#update({ status: this.#counted(status) }),
      onRefusal: handlers.onRefusal,
      onAllAcknowledged: handlers.onAllAcknowledged,
      onUnreadableRefusal: (reason) => this.#stopOnUnreadableRefusal(reason),
      onAuthenticationFailed: (reason) => this.#onAuthenticationFailed(reason),
      onPeople: (people) => this.#update({ people }),
      onRemoved: (reason) => this.#onRemoved(reason),
    })
  }

  /** Removed by a facilitator: stop (the server refuses every reconnect), and let the page say why. */
  #onRemoved(reason: string): void {
    this.#stopBoardConnection()
    this.#update({ provider: null, status: OFFLINE, people: null, removed: reason })
  }

  /**
   * The server's own refusals (too many connections) start with "flowmap:" (its close reasons); any
   * other is about the token, and no retry will change it: stop, and let the page say so once.
   */
  #onAuthenticationFailed(reason: string): void {
    if (reason.startsWith(SERVER_REASON_PREFIX)) {
      this.#update({
        connectionProblem: `The server did not let this page open the board (${reason}). Try again in a while.`,
      })
      return
    }
    // A page that missed the removal message (it was offline) learns it here, at its next connection.
    if (reason === REMOVED_FROM_BOARD_REASON) {
      this.#onRemoved(reason)
      return
    }
    this.#stopBoardConnection()
    this.#update({ provider: null, status: OFFLINE, linkRefused: reason })
  }

  /** The connection's state with the chip's count: changed records, not the provider's update count. */
  #counted(status: ConnectionStatus): ConnectionStatus {
    return { state: status.state, unsyncedChanges: status.state === 'online' ? 0 : this.#pending.count }
  }

  #detach(): void {
    this.#connection?.destroy()
    this.#connection = null
    this.#binding?.dispose()
    this.#binding = null
    for (const stop of this.#stopWatchingDoc.splice(0)) stop()
  }

  #markSynced(): void {
    const now = Date.now()
    if (!this.#local || now - this.#lastSyncedWrite < LAST_SYNCED_WRITE_INTERVAL_MS) return
    this.#lastSyncedWrite = now
    this.#local.markSynced(now).catch((error) => this.#update({ storageError: describeStorageError(error) }))
  }

  /**
   * The refusal reset (refusal-reset.ts says what is re-applied, and why).
   * 1. Stop sending: the provider would resend the refused update forever.
   * 2. Fetch the server's state into a fresh doc over a separate, short-lived connection. Local edits
   *    keep going into the old doc meanwhile (the binding stays), so none is lost.
   * 3. Plan from old doc vs server state; apply the kept changes to the fresh doc.
   * 4. Replace the stored doc (the old one holds the refused update), reopen it (new client id), and
   *    attach store, binding and connection to it; show what was rolled back.
   */
  async #reset(message: RefusalMessage): Promise<void> {
    if (this.#resetting || this.#destroyed) return
    this.#resetting = true
    try {
      // 1.
      this.#stopBoardConnection()
      this.#update({ provider: null })
      // 2. (refusal-rebase.ts; a refusal for size alone first sends the changes again in parts)
      const state = await fetchStateAfterRefusal(this.#resetConnections, message)
      const oldDoc = this.#state.doc
      if (this.#destroyed || !oldDoc) return
      this.#detach()
      // 3.
      const notice = rebaseOnServerState(oldDoc, state)
      // 4.
      const doc = await this.#replaceDoc(oldDoc, state.serverDoc)
      if (this.#destroyed) {
        this.#releaseDoc(doc)
        return
      }
      this.#update({ refusal: notice })
      this.#attach(doc)
    } finally {
      this.#resetting = false
    }
  }

  async #replaceDoc(oldDoc: Y.Doc, state: Y.Doc): Promise<Y.Doc> {
    const { database, boardId } = this.#options
    if (!database || this.#local?.doc !== oldDoc) {
      oldDoc.destroy()
      return state
    }
    this.#local.discard()
    this.#local = null
    try {
      await replaceLocalBoardState(database, boardId, state)
      this.#local = await openLocalBoard(database, boardId, {
        onStorageError: (message) => this.#update({ storageError: message }),
      })
      return this.#local.doc
    } catch (error) {
      this.#update({ storageError: describeStorageError(error) })
      return state
    }
  }

  #reportRejectedRecord(message: string): void {
    if (this.#options.onRejectedRecord) this.#options.onRejectedRecord(message)
    else console.warn(`Flowmap: left a record out of the board: ${message}`)
  }

  #update(patch: Partial<BoardSessionState>): void {
    if (this.#destroyed) return
    this.#state = { ...this.#state, ...patch }
    for (const listener of this.#listeners) listener()
  }
}

/** The origin of updates forced through the test hook: not the binding's, so they reach the store too. */
const forcedUpdateOrigin = Object.freeze({ source: 'local', clientTag: 'test-hook:forceRawUpdate' })
