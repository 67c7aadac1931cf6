/**
 * One shadow Y.Doc per loaded board: the place an incoming update is tried before Hocuspocus applies
 * it to the live document.
 *
 * Invariant: shadow = live document + the updates admitted but not yet applied to it ("in flight",
 * at most one per connection because Hocuspocus handles a connection's messages one at a time). Every
 * admitted update is also in the history log, so the shadow is also exactly "everything appended so
 * far": snapshots and checkpoints are taken from it.
 *
 * Applying an update to the shadow is the same work Yjs does on the live doc (no copy per message). Only
 * a refusal, which leaves the shadow holding an update the live doc will never get, rebuilds it from the
 * live doc plus the in-flight updates: O(board), on the rare path only.
 *
 * Second invariant: the shadow holds no pending structs or deletes. Yjs keeps what depends on something
 * it does not have aside ("pending") and integrates it once the dependency arrives, so validation could
 * never see it and the history log would keep bytes nobody checked. An update that leaves anything
 * pending is reported (`missing`) and refused; a board whose stored log already holds such bytes (written
 * before this check existed) has them dropped when it loads: they were never part of any visible state.
 */
import {
  type DocOrigin,
  declareBoardRoots,
  dropPending,
  NO_RECORDS_BEFORE,
  pendingOf,
  type RecordsBefore,
  recordsBefore,
} from '@flowmap/shared'
import * as Y from 'yjs'

/** An update tried on the shadow, kept until Hocuspocus has applied it to the live doc. */
export interface AdmittedUpdate {
  update: Uint8Array
  /**
   * What the update added to the board, as Yjs encodes the shadow's transaction: the update without
   * the content the board already had (null when it added nothing). History stores this, so a client
   * resending what the board holds (after a lost acknowledgement, a failover to another instance)
   * never puts the same content in the log twice.
   */
  added: Uint8Array | null
  /** the shadow's transaction: which records and roles the update touched */
  transaction: Y.Transaction
  /** false when the update adds nothing the board did not have (e.g. an empty SyncStep2) */
  changesContent: boolean
  /** the first Yjs client whose clock the update advanced */
  clientId: number | null
  /**
   * What the update depends on that the shadow does not have: per Yjs client, the first missing clock
   * (`deletes` when it deletes content the shadow lacks). null when nothing was left pending.
   */
  missing: { structs: Map<number, number>; deletes: boolean } | null
  /** what the records it touched held before it (permission rules compare: a deleted shape's lock) */
  recordsBefore: RecordsBefore
}

/** The origin of shadow transactions, so nobody mistakes them for live changes. */
export const SHADOW_ORIGIN: DocOrigin = Object.freeze({ source: 'shadow' })

export class BoardShadow {
  #doc: Y.Doc
  #lastTransaction: Y.Transaction | null = null
  #capturing = false
  #trying = false
  #added: Uint8Array | null = null
  #lastRecordsBefore: RecordsBefore = NO_RECORDS_BEFORE
  readonly #inFlight = new Map<object, AdmittedUpdate>()

  constructor(doc: Y.Doc) {
    this.#doc = doc
    this.#watch(doc)
    dropPending(doc)
  }

  get doc(): Y.Doc {
    return this.#doc
  }

  /**
   * Applies `update` to the shadow and reports what it did. The caller validates, then admits or refuses.
   * `captureBefore`: whether to read what the touched records held before it, which only the rules that
   * hold participants need; a facilitator's update (everyone's, in local mode) skips that cost.
   */
  tryUpdate(
    update: Uint8Array,
    options: { captureBefore: boolean } = { captureBefore: true },
  ): AdmittedUpdate {
    this.#lastTransaction = null
    this.#added = null
    this.#capturing = options.captureBefore
    this.#trying = true
    try {
      Y.applyUpdate(this.#doc, update, SHADOW_ORIGIN)
    } finally {
      this.#capturing = false
      this.#trying = false
    }
    const added = this.#added as Uint8Array | null
    this.#added = null
    const transaction = this.#lastTransaction as Y.Transaction | null
    if (transaction === null) throw new Error('Yjs applied an update without a transaction')
    const clientId = firstAdvancedClient(transaction)
    const changesContent = clientId !== null || transaction.deleteSet.clients.size > 0
    // The shadow had nothing pending before (second invariant), so anything pending now is this update's.
    const pending = pendingOf(this.#doc)
    const missing =
      pending === null ? null : { structs: pending.structs?.missing ?? new Map(), deletes: pending.deletes }
    const before = this.#lastRecordsBefore
    this.#lastRecordsBefore = NO_RECORDS_BEFORE
    return { update, added, transaction, changesContent, clientId, missing, recordsBefore: before }
  }

  /** Marks `admitted` as on its way to the live doc for `connection`. */
  hold(connection: object, admitted: AdmittedUpdate): void {
    this.#inFlight.set(connection, admitted)
  }

  /** The update admitted for `connection`'s current message, if any. */
  held(connection: object): AdmittedUpdate | undefined {
    return this.#inFlight.get(connection)
  }

  /** Hocuspocus has applied (or failed to apply) the connection's message. */
  release(connection: object): void {
    this.#inFlight.delete(connection)
  }

  /** Changes that reach the live doc without passing through `tryUpdate` (server-side writes). */
  follow(update: Uint8Array): void {
    Y.applyUpdate(this.#doc, update, SHADOW_ORIGIN)
  }

  /** After a refusal: the shadow holds an update the live doc will never get. Rebuild it. */
  rebuild(live: Y.Doc): void {
    const doc = new Y.Doc({ gc: live.gc })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(live), SHADOW_ORIGIN)
    for (const admitted of this.#inFlight.values()) Y.applyUpdate(doc, admitted.update, SHADOW_ORIGIN)
    this.#doc.destroy()
    this.#doc = doc
    this.#watch(doc)
  }

  encodeState(): Uint8Array {
    return Y.encodeStateAsUpdate(this.#doc)
  }

  #watch(doc: Y.Doc): void {
    // Before any update arrives, so the touched-entry reads and the foreign-root check see real maps.
    declareBoardRoots(doc)
    doc.on('update', (update: Uint8Array) => {
      if (this.#trying) this.#added = update
    })
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      this.#lastTransaction = transaction
      // Only here are replaced values still readable (Yjs garbage-collects them next); only for updates
      // being tried, not for rebuilds or server writes.
      if (this.#capturing) this.#lastRecordsBefore = recordsBefore(transaction)
    })
  }
}

/**
 * Shadows keyed by the Hocuspocus document object rather than its name: a board unloaded and loaded
 * again is a new document, and the old one's late hooks must not touch the new shadow.
 */
export class BoardShadows {
  readonly #shadows = new WeakMap<object, BoardShadow>()

  open(document: object, loaded: Y.Doc): BoardShadow {
    const shadow = new BoardShadow(loaded)
    this.#shadows.set(document, shadow)
    return shadow
  }

  get(document: object): BoardShadow | undefined {
    return this.#shadows.get(document)
  }
}

function firstAdvancedClient(transaction: Y.Transaction): number | null {
  for (const [client, clock] of transaction.afterState) {
    if ((transaction.beforeState.get(client) ?? 0) < clock) return client
  }
  return null
}
