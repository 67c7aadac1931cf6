/**
 * Which of a client's updates the server acknowledged, message by message, read off the wire.
 *
 * Why not the provider's `unsyncedChanges`: @hocuspocus/provider 4.8 resets that counter to 1 when a
 * socket opens (for the SyncStep2 it is about to send) while the socket then also flushes the updates
 * queued while it was offline, each acknowledged on its own. The first of those acknowledgements brings
 * the counter to 0 although the SyncStep2 and the rest of the queue are still in flight. Treating that 0
 * as "everything is stored" makes a server stopped at that moment look as if it lost acknowledged
 * updates (the fuzzer saw it). So this tracker pairs acknowledgements with messages itself:
 *
 * 1. Every SyncStep2 or Update the socket actually transmits is appended, with the clock ranges of the
 *    update it carries, to the FIFO of the WebSocket it went out on.
 * 2. The server handles one connection's messages in order and answers each SyncStep2 and Update with
 *    one SyncStatus, so each SyncStatus received on a WebSocket acknowledges the oldest message in that
 *    WebSocket's FIFO.
 * 3. A WebSocket that closes takes its unacknowledged messages with it (the client resends their
 *    content in its next SyncStep2); one whose document connection the server closed (a refusal) is
 *    no longer trusted for pairing (`distrust`).
 */

import type { HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { MessageType } from '@hocuspocus/server'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

/** y-protocols / Hocuspocus message types this tracker reads. */
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

/** Clocks [from, to) of one Yjs client, carried by one acknowledged message. */
export interface ClockRange {
  client: number
  from: number
  to: number
}

export class AcknowledgementTracker {
  readonly #inFlight = new Map<object, ClockRange[][]>()
  /** WebSockets whose document connection the server closed: pairing there is no longer certain */
  readonly #untrusted = new WeakSet<object>()
  /** every range the server acknowledged to this client, in order */
  readonly acknowledged: ClockRange[] = []
  acknowledgedMessages = 0

  /** Wraps the socket's `send` and listens to its messages; call before the socket connects. */
  watch(socket: HocuspocusProviderWebsocket): void {
    const send = socket.send.bind(socket)
    socket.send = (message: unknown) => {
      const ws = socket.webSocket
      // Only what reaches an open WebSocket is transmitted; the rest is queued and comes back here.
      if (ws !== null && ws.readyState === 1 && !this.#untrusted.has(ws) && message instanceof Uint8Array) {
        const ranges = syncContentRanges(message)
        if (ranges !== null) this.#fifo(ws).push(ranges)
      }
      send(message)
    }
    socket.on('message', (event: MessageEvent) => {
      const ws = socket.webSocket
      if (ws === null || this.#untrusted.has(ws)) return
      if (!isSyncStatus(new Uint8Array(event.data as ArrayBuffer))) return
      const ranges = this.#fifo(ws).shift()
      if (ranges === undefined) throw new Error('a SyncStatus arrived for no message in flight')
      this.acknowledgedMessages++
      this.acknowledged.push(...ranges)
    })
    socket.on('close', () => {
      // The closed WebSocket's FIFO is dropped: its messages will never be acknowledged.
      for (const ws of [...this.#inFlight.keys()]) if (ws !== socket.webSocket) this.#inFlight.delete(ws)
    })
  }

  /**
   * The server closed the document connection on this socket's WebSocket (a refusal): it dropped the
   * refused message and those queued behind it without acknowledgement, and a later connection on the
   * same WebSocket would acknowledge only later messages. Rather than guess the pairing, nothing more
   * on this WebSocket counts as acknowledged (this can only make the durability check weaker).
   */
  distrust(socket: HocuspocusProviderWebsocket): void {
    const ws = socket.webSocket
    if (ws === null) return
    this.#untrusted.add(ws)
    this.#inFlight.delete(ws)
  }

  /** Messages transmitted on `socket`'s current WebSocket and not yet acknowledged. */
  inFlight(socket: HocuspocusProviderWebsocket): number {
    const ws = socket.webSocket
    return ws === null ? 0 : (this.#inFlight.get(ws)?.length ?? 0)
  }

  #fifo(ws: object): ClockRange[][] {
    let fifo = this.#inFlight.get(ws)
    if (fifo === undefined) {
      fifo = []
      this.#inFlight.set(ws, fifo)
    }
    return fifo
  }
}

/** The clock ranges of a SyncStep2 or Update message's update; null for any other message. */
function syncContentRanges(message: Uint8Array): ClockRange[] | null {
  const decoder = decoding.createDecoder(message)
  decoding.readVarString(decoder)
  if (decoding.readVarUint(decoder) !== MessageType.Sync) return null
  const syncType = decoding.readVarUint(decoder)
  if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return null
  const { from, to } = Y.parseUpdateMeta(decoding.readVarUint8Array(decoder))
  return [...to].map(([client, end]) => ({ client, from: from.get(client) ?? 0, to: end }))
}

function isSyncStatus(message: Uint8Array): boolean {
  if (message.length < 2) return false
  const decoder = decoding.createDecoder(message)
  decoding.readVarString(decoder)
  return decoding.readVarUint(decoder) === MessageType.SyncStatus
}
