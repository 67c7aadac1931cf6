/**
 * One fuzzed participant: a Y.Doc of its own (its own client ID, kept for its whole life, as a browser
 * tab keeps its doc in Dexie) and a real @hocuspocus/provider that the harness can take down and bring
 * back in the two ways a real client goes offline:
 * - 'destroy': the provider and its socket are destroyed and a new provider is made on the same doc
 *   later (a reload that keeps the local doc);
 * - 'disconnect': the socket provider is disconnected and connected again (the network drops).
 *
 * It records what it was told was acknowledged: the doc's state vector at each moment the provider's
 * `unsyncedChanges` reached 0. The server promised those clocks are stored.
 *
 * Like the real client's connection (client/src/sync/board-connection.ts), it holds the doc's updates until
 * its SyncStep2 has gone out on each new socket (`sendUpdatesAfterHandshake`): a bare provider flushes
 * updates queued offline ahead of that SyncStep2, and the server refuses an update that depends on
 * content it does not have (missing-dependency), so a bare provider is reset where the app never is.
 *
 * Like the real client (client/src/sync/board-repair.ts), it applies the deterministic board repair
 * after each remote change. The real client repairs only after structural changes; repairing after
 * every remote change is a superset (the repair writes nothing when nothing is broken).
 */
import { parseRefusalMessage, type RefusalMessage } from '@flowmap/shared'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import * as Y from 'yjs'
// The web client's own hold, not a copy: the fuzzer is meant to behave exactly as the app does.
import { sendUpdatesAfterHandshake } from '../../../client/src/sync/updates-after-handshake.ts'
import { AcknowledgementTracker } from './acknowledgement-tracker.ts'
import { type EditLedger, LedgerWriter } from './fuzz-operations.ts'

export type OfflineMode = 'destroy' | 'disconnect'

export class FuzzClient {
  readonly doc = new Y.Doc()
  readonly writer: LedgerWriter
  #socket: HocuspocusProviderWebsocket | null = null
  #provider: HocuspocusProvider | null = null
  #stopHolding: () => void = () => {}
  #offlineMode: OfflineMode | null = null
  #repairScheduled = false
  /** what the server acknowledged, paired message by message (see acknowledgement-tracker.ts) */
  readonly tracker = new AcknowledgementTracker()
  /** times the provider said "all acknowledged" while the wire showed messages still unacknowledged */
  providerPrematureAcks = 0
  repairsWritten = 0
  /** What the server refused of this client: an honest client must never see one. */
  readonly rejections: RefusalMessage[] = []
  acknowledgements = 0

  readonly name: string
  readonly collabUrl: string
  readonly boardId: string

  readonly #step: () => number
  /** "after step #12: own clock 40 acknowledged": when each acknowledgement came, for failure reports */
  readonly ackLog: string[] = []

  readonly #note: (line: string) => void

  constructor(
    name: string,
    collabUrl: string,
    boardId: string,
    ledger: EditLedger,
    step: () => number,
    note: (line: string) => void,
  ) {
    this.#step = step
    this.#note = note
    this.name = name
    this.collabUrl = collabUrl
    this.boardId = boardId
    this.writer = new LedgerWriter(this.doc, ledger)
    this.doc.on('afterTransaction', (transaction) => {
      if (this.#provider !== null && transaction.origin === this.#provider) this.#scheduleRepair()
    })
  }

  get online(): boolean {
    return this.#provider !== null && this.#offlineMode === null
  }

  get provider(): HocuspocusProvider | null {
    return this.#provider
  }

  get repairPending(): boolean {
    return this.#repairScheduled
  }

  /** Connected, past the first sync, and nothing it sent is waiting for an acknowledgement. */
  get quiescent(): boolean {
    const provider = this.#provider
    if (provider === null || !this.online) return false
    return (
      provider.synced &&
      provider.isAuthenticated &&
      provider.unsyncedChanges === 0 &&
      this.#unsent() === 0 &&
      !this.#repairScheduled
    )
  }

  connect(): void {
    if (this.#provider !== null) throw new Error(`${this.name} is already connected`)
    // Short reconnect delays: the harness restarts the server often, and the default backoff grows to 30 s.
    const socket = new HocuspocusProviderWebsocket({
      url: this.collabUrl,
      delay: 50,
      initialDelay: 0,
      factor: 1.5,
      minDelay: 20,
      maxDelay: 400,
      maxAttempts: 0,
      jitter: true,
      timeout: 0,
    })
    this.tracker.watch(socket)
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: this.boardId,
      document: this.doc,
      token: '',
      awareness: null,
      onStateless: ({ payload }) => {
        const rejected = parseRefusalMessage(payload)
        if (!rejected.ok) return
        this.rejections.push(rejected.message)
        this.tracker.distrust(socket)
        // The server closes the document connection after a refusal and the provider would sit silent
        // until its 30 s message timeout. A new provider on the same doc sends everything again in one
        // SyncStep2, which is what a refused honest change needs (see the harness's end checks).
        setTimeout(() => {
          if (this.#provider !== provider) return
          this.#teardown()
          this.connect()
        }, 0)
      },
    })
    provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (number !== 0 || this.#provider !== provider) return
      this.acknowledgements++
      const ownClock = Y.getState(this.doc.store, this.doc.clientID)
      // After the socket's other listeners: the tracker pairs this very SyncStatus after the provider.
      queueMicrotask(() => {
        const unsent = this.#unsent()
        if (unsent > 0) this.providerPrematureAcks++
        this.ackLog.push(
          `after step #${this.#step()}: provider says all acknowledged at own clock ${ownClock}; ${unsent} messages unacknowledged or queued`,
        )
        if (this.ackLog.length > 20) this.ackLog.shift()
      })
    })
    // A document connection the server closes while the socket stays open leaves the provider silent
    // (no reconnect until its 30 s message timeout): worth a line in the step log when it happens.
    provider.on('close', ({ event }: { event: { code: number; reason: string } }) => {
      if (this.#provider !== provider) return
      // A document-level close while the socket stays open: the server dropped what was queued.
      if (socket.webSocket !== null) this.tracker.distrust(socket)
      if (this.#provider === provider)
        this.#note(`${this.name}: connection closed ${event.code} "${event.reason}"`)
    })
    this.#stopHolding = sendUpdatesAfterHandshake(provider, socket)
    provider.attach()
    this.#socket = socket
    this.#provider = provider
    this.#offlineMode = null
  }

  goOffline(mode: OfflineMode): void {
    if (!this.online) return
    if (mode === 'destroy') {
      this.#teardown()
    } else {
      this.#offlineMode = 'disconnect'
      this.#socket!.disconnect()
    }
  }

  /**
   * Back online. After 'disconnect' this is a new provider on the same doc, not `socket.connect()`:
   * with @hocuspocus/provider 4.8, `connect()` soon after `disconnect()` sometimes left the socket
   * disconnected for good (the old WebSocket's late close event, code 1005, arrives during the new
   * attempt and no retry follows; seen with seed 1008).
   */
  goOnline(): void {
    if (this.online) return
    this.#teardown()
    this.connect()
  }

  destroy(): void {
    this.#teardown()
    this.doc.destroy()
  }

  /** A line for failure reports: where this client stands. */
  describe(): string {
    const provider = this.#provider
    return `${this.name} (client ${this.doc.clientID}): ${
      provider === null
        ? 'no provider'
        : `${this.#offlineMode ?? 'online'}, socket ${this.#socket?.status}, synced=${provider.synced}, unsynced=${provider.unsyncedChanges}`
    }, repairPending=${this.#repairScheduled}, refusals=${JSON.stringify(this.rejections)}, sv=${JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(this.doc))])}`
  }

  /** Messages on the wire without acknowledgement, plus those the socket still queues. */
  #unsent(): number {
    const socket = this.#socket
    if (socket === null) return 0
    // The queue is private to the socket provider; it is read, never changed.
    const queued = (socket as unknown as { messageQueue: unknown[] }).messageQueue.length
    return this.tracker.inFlight(socket) + queued
  }

  #teardown(): void {
    this.#stopHolding()
    this.#stopHolding = () => {}
    this.#provider?.destroy()
    this.#socket?.destroy()
    this.#provider = null
    this.#socket = null
    this.#offlineMode = null
  }

  #scheduleRepair(): void {
    if (this.#repairScheduled) return
    this.#repairScheduled = true
    // After the remote transaction has finished, as the real client repairs after mirroring it.
    queueMicrotask(() => {
      this.#repairScheduled = false
      if (this.doc.isDestroyed) return
      this.repairsWritten += this.writer.repair()
    })
  }
}
