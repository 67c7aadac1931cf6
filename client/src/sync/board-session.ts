/**
 * One open board: its doc from the device, the store binding, the connection to the server, and the
 * refusal reset that replaces all three when the server refuses one of our updates. React-free, so the
 * whole life of a board runs in Node tests against a real server; use-board-sync.ts wraps it for React.
 *
 * Order on open: the doc is loaded from IndexedDB (y-dexie) and put into the store BEFORE the socket
 * connects, so the board shows at once and works with no network; the provider then syncs whatever
 * either side lacks (offline edits included, by state vector).
 */

import { observeBoard, readBoardTitle } from '@flowmap/shared'
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
import type { Refusal, RefusalMessage } from './refusal-message.ts'
import { applyResetPlan, planRefusalReset, splitResetPlan } from './refusal-reset.ts'
import { DEFAULT_STORAGE_RETRY_DELAYS, type StorageRetryDelays, storageRetryDelay } from './storage-retry.ts'
import { bindStoreToDoc, type StoreBinding } from './store-binding.ts'
import type { UndoGuard } from './undo-guard.ts'

export type BoardLoadState = { state: 'loading' } | { state: 'ready' } | { state: 'error'; problem: string }

export interface BoardSessionState {
  readonly load: BoardLoadState
  readonly doc: Y.Doc | null
  readonly provider: HocuspocusProvider | null
  readonly status: ConnectionStatus
  readonly refusal: Refusal | null
  readonly storageError: string | null
  /** The server turned the connection down (bad or expired share link). */
  readonly connectionProblem: string | null
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
  /** Waits before sending again changes the server could not store (storage-retry.ts). */
  readonly storageRetryDelays?: StorageRetryDelays
}

/** How often, at most, "last synced" is written to the boards table. */
const LAST_SYNCED_WRITE_INTERVAL_MS = 5000

/**
 * The message limit assumed when the server cut a message off without saying its limit: parts are cut
 * to a quarter of it (1 MiB), well under the server's default of 8 MiB; a smaller limit is said in the
 * next refusal, and the parts shrink to it.
 */
const ASSUMED_MESSAGE_LIMIT = 4 * 1024 * 1024
/** Rounds of ever smaller parts before a refusal for size is treated like any other refusal. */
const MAX_PART_ATTEMPTS = 6

/** Where every session starts: nothing loaded, nothing connected. */
export const LOADING_SESSION_STATE: BoardSessionState = Object.freeze({
  load: { state: 'loading' as const },
  doc: null,
  provider: null,
  status: OFFLINE,
  refusal: null,
  storageError: null,
  connectionProblem: null,
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

  constructor(options: BoardSessionOptions) {
    this.#options = options
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
      status: this.#connection.status(),
    })
  }

  /** The board's own connection: refusals lead to a reset, or to a retry when storage failed. */
  #connectBoard(doc: Y.Doc): BoardConnection {
    return this.#connect(doc, {
      onRefusal: (message) =>
        void (message.code === 'storage-unavailable' ? this.#retryLater(message) : this.#reset(message)),
      onAllAcknowledged: () => {
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
      this.#connection?.destroy()
      this.#connection = null
      const delay = storageRetryDelay(
        this.#storageRetries++,
        this.#options.storageRetryDelays ?? DEFAULT_STORAGE_RETRY_DELAYS,
      )
      this.#update({
        provider: null,
        status: { ...OFFLINE, unsyncedChanges: Math.max(1, this.#state.status.unsyncedChanges) },
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
      this.#update({ provider: this.#connection.provider, status: this.#connection.status() })
    } finally {
      this.#resetting = false
    }
  }

  #connect(
    doc: Y.Doc,
    handlers: { onRefusal(message: RefusalMessage): void; onAllAcknowledged(): void },
  ): BoardConnection {
    const { collabUrl, boardId, token } = this.#options
    return connectBoard({
      url: collabUrl,
      boardId,
      token,
      doc,
      onStatus: (status) => this.#update({ status }),
      onRefusal: handlers.onRefusal,
      onAllAcknowledged: handlers.onAllAcknowledged,
      onAuthenticationFailed: (reason) =>
        this.#update({
          connectionProblem: `The server did not let this link open the board (${reason}). Ask for a new share link.`,
        }),
    })
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
      this.#connection?.destroy()
      this.#connection = null
      this.#update({ provider: null })
      // 2. (a refusal for size alone first sends the changes again in parts: #sendInParts)
      let serverDoc = new Y.Doc()
      let sent: { parts: number; oversized: string[] } | null = null
      if (message.code === 'too-large') {
        serverDoc.destroy()
        const outcome = await this.#sendInParts(message.limit ?? ASSUMED_MESSAGE_LIMIT)
        serverDoc = outcome.serverDoc
        if ('refusal' in outcome) message = outcome.refusal
        else sent = outcome
      }
      if (sent === null) await this.#fetchServerState(serverDoc)
      const oldDoc = this.#state.doc
      if (this.#destroyed || !oldDoc) return
      this.#detach()
      // 3.
      // Changes refused for their size alone are never dropped: they stay, to be sent again.
      const plan = planRefusalReset(
        oldDoc,
        serverDoc,
        sent !== null
          ? { recordId: null, tooLarge: true, exclude: new Set(sent.oversized) }
          : { recordId: message.recordId, tooLarge: message.code === 'too-large' },
      )
      applyResetPlan(serverDoc, plan)
      // 4.
      const doc = await this.#replaceDoc(oldDoc, serverDoc)
      if (this.#destroyed) {
        this.#releaseDoc(doc)
        return
      }
      this.#update({
        refusal: {
          reason: message.reason,
          recordId: message.recordId,
          rolledBack: plan.rolledBack,
          ...(sent === null ? {} : { resentInParts: sent.parts }),
        },
      })
      this.#attach(doc)
    } finally {
      this.#resetting = false
    }
  }

  /**
   * 2, for a refusal of size alone (a long offline session, a big paste): nothing in the changes is
   * wrong, they are only more than one message may carry. Over a connection of its own, a fresh doc
   * takes the server's state, then our changes part by part (splitResetPlan), each acknowledged before
   * the next, so that the server has them all when the board reconnects. A part refused for size again
   * (the limit was not said, or was smaller than assumed) starts over with smaller parts, from the
   * server's state, which holds the parts acknowledged so far. The stored doc keeps every change until
   * the reset replaces it: a tab closed midway loses nothing (its next open does this again). Records
   * too large to send even alone are named, to be rolled back.
   */
  async #sendInParts(
    initialLimit: number,
  ): Promise<
    { serverDoc: Y.Doc; parts: number; oversized: string[] } | { serverDoc: Y.Doc; refusal: RefusalMessage }
  > {
    let limit = initialLimit
    for (let attempt = 1; ; attempt++) {
      const serverDoc = new Y.Doc()
      const outcome = await this.#sendPartsOnce(serverDoc, limit)
      if (!('refusal' in outcome)) return { serverDoc, ...outcome }
      const { refusal } = outcome
      if (refusal.code !== 'too-large' || attempt >= MAX_PART_ATTEMPTS) {
        // Refused for what it holds (or sizes cannot be found): reset from the server as for any refusal.
        serverDoc.destroy()
        return { serverDoc: new Y.Doc(), refusal }
      }
      serverDoc.destroy()
      limit = Math.min(refusal.limit ?? limit / 4, limit / 2)
    }
  }

  async #sendPartsOnce(
    serverDoc: Y.Doc,
    limit: number,
  ): Promise<{ parts: number; oversized: string[] } | { refusal: RefusalMessage }> {
    let acknowledged: (() => void) | null = null
    let refused: RefusalMessage | null = null
    const sending = this.#connect(serverDoc, {
      onRefusal: (message) => {
        refused = message
        acknowledged?.()
      },
      onAllAcknowledged: () => acknowledged?.(),
    })
    // Closing the board meanwhile ends the sending (the stored doc still holds every change).
    let synced: (() => void) | null = null
    this.#stopWatchingDoc.push(() => {
      sending.destroy()
      synced?.()
      acknowledged?.()
    })
    try {
      await new Promise<void>((resolve) => {
        synced = resolve
        if (sending.provider.synced) resolve()
        else sending.provider.on('synced', () => resolve())
      })
      const oldDoc = this.#state.doc
      if (this.#destroyed || !oldDoc) return { parts: 0, oversized: [] }
      const plan = planRefusalReset(oldDoc, serverDoc, { recordId: null, tooLarge: true })
      const { parts, oversized } = splitResetPlan(plan, limit)
      for (const part of parts) {
        const sent = new Promise<void>((resolve) => {
          acknowledged = resolve
        })
        applyResetPlan(serverDoc, part)
        if (sending.provider.unsyncedChanges > 0) await sent
        if (refused !== null) return { refusal: refused }
        if (this.#destroyed) break
      }
      return { parts: parts.length, oversized }
    } finally {
      acknowledged = null
      sending.destroy()
    }
  }

  #fetchServerState(serverDoc: Y.Doc): Promise<void> {
    return new Promise((resolve) => {
      const fetching = this.#connect(serverDoc, {
        // Nothing of ours travels on this connection: a refusal here cannot concern us.
        onRefusal: () => {},
        onAllAcknowledged: () => {},
      })
      const done = () => {
        fetching.destroy()
        resolve()
      }
      if (fetching.provider.synced) done()
      else fetching.provider.on('synced', done)
      this.#stopWatchingDoc.push(() => fetching.destroy())
    })
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
