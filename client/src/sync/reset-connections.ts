/**
 * The short-lived connections a refusal reset opens besides the board's own: one that fetches the
 * server's state into a fresh doc, and one per round of sending changes in parts (send-in-parts.ts).
 * The board session provides them; closing the board ends every one still open.
 */
import type * as Y from 'yjs'
import type { BoardConnection, BoardConnectionOptions } from './board-connection.ts'

export type ResetConnectionHandlers = Pick<BoardConnectionOptions, 'onRefusal' | 'onAllAcknowledged'>

export interface ResetConnections {
  /** A connection of the board's on `doc`, with its own handlers for what the server says. */
  connect(doc: Y.Doc, handlers: ResetConnectionHandlers): BoardConnection
  /** The board's doc: local edits keep going into it while the reset runs, so none is lost. */
  currentDoc(): Y.Doc | null
  /** The board was closed: stop at the next step. */
  isClosed(): boolean
  /** Runs `stop` when the board is closed or its doc replaced. */
  onClose(stop: () => void): void
}

/** Fills `serverDoc` with the server's state over a connection of its own, closed once synced. */
export function fetchServerState(connections: ResetConnections, serverDoc: Y.Doc): Promise<void> {
  return new Promise((resolve) => {
    const fetching = connections.connect(serverDoc, {
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
    connections.onClose(() => fetching.destroy())
  })
}
