import * as Y from 'yjs'

/**
 * Knows when each edit reached each peer, from Yjs clocks rather than from record contents: an editor's
 * edit k is the range of its client's clock up to `endClock`, and Yjs integrates one client's structs in
 * order, so a peer has edit k exactly when its state for that client reaches `endClock`. This stays right
 * when a server merges or batches updates (an overwritten `x` would make a content-based check miss it),
 * and costs one state lookup per editor per received update.
 */
interface SentEdit {
  endClock: number
  sentAt: number
  /** Outside the measured window (warm-up, set-up) the edit still counts for loss, not for latency. */
  measured: boolean
  peersMissing: number
  onFullyDelivered: (() => void) | undefined
}

interface EditorLog {
  clientId: number
  edits: SentEdit[]
}

interface Receiver {
  doc: Y.Doc
  /** Per editor, how many of its edits this receiver has. */
  delivered: number[]
  detach(): void
}

export interface DeliveryCounts {
  sent: number
  /** Edit-peer pairs still missing. */
  lost: number
}

export class DeliveryTracker {
  private readonly editors: EditorLog[] = []
  private readonly receivers: Receiver[] = []
  /** Edit-to-peer latencies (ms) of measured edits, in arrival order. */
  readonly latenciesMs: number[] = []
  /** Edit-peer deliveries since the last `resetWindow`. */
  deliveries = 0

  /** Registers an editor's doc; returns its index for `recordSent`. */
  addEditor(doc: Y.Doc): number {
    this.editors.push({ clientId: doc.clientID, edits: [] })
    for (const receiver of this.receivers) receiver.delivered.push(0)
    return this.editors.length - 1
  }

  /** Call right after the editor's local write: its clock now ends the edit. */
  recordSent(editorIndex: number, doc: Y.Doc, measured: boolean, onFullyDelivered?: () => void): void {
    const editor = this.editors[editorIndex]!
    const peers = this.receivers.filter((receiver) => receiver.doc !== doc).length
    editor.edits.push({
      endClock: Y.getState(doc.store, doc.clientID),
      sentAt: performance.now(),
      measured,
      peersMissing: peers,
      onFullyDelivered,
    })
  }

  addReceiver(doc: Y.Doc): void {
    const receiver: Receiver = {
      doc,
      delivered: this.editors.map(() => 0),
      detach: () => doc.off('update', onUpdate),
    }
    const onUpdate = () => this.collect(receiver)
    doc.on('update', onUpdate)
    this.receivers.push(receiver)
  }

  private collect(receiver: Receiver): void {
    const now = performance.now()
    for (let e = 0; e < this.editors.length; e++) {
      const editor = this.editors[e]!
      if (editor.clientId === receiver.doc.clientID) continue
      const state = Y.getState(receiver.doc.store, editor.clientId)
      let next = receiver.delivered[e]!
      while (next < editor.edits.length && editor.edits[next]!.endClock <= state) {
        const edit = editor.edits[next]!
        if (edit.measured) this.latenciesMs.push(now - edit.sentAt)
        this.deliveries++
        edit.peersMissing--
        if (edit.peersMissing === 0) edit.onFullyDelivered?.()
        next++
      }
      receiver.delivered[e] = next
    }
  }

  /** True when every peer has every edit sent so far. */
  allDelivered(): boolean {
    return this.editors.every((editor) => editor.edits.every((edit) => edit.peersMissing === 0))
  }

  /** Over every edit since the start (set-up and warm-up too): what was sent and what never arrived. */
  counts(): DeliveryCounts {
    let sent = 0
    let lost = 0
    for (const editor of this.editors) {
      sent += editor.edits.length
      for (const edit of editor.edits) lost += edit.peersMissing
    }
    return { sent, lost }
  }

  /** Starts a new measured window: latencies and delivery counts restart, loss accounting does not. */
  resetWindow(): void {
    this.latenciesMs.length = 0
    this.deliveries = 0
  }

  detach(): void {
    for (const receiver of this.receivers) receiver.detach()
  }
}
