/**
 * Sends the doc's incremental updates only once the provider's SyncStep2 has gone out on the current
 * socket, so that the server never gets an update that depends on content it does not have.
 *
 * The handshake (y-protocols sync): the client sends SyncStep1 (its state vector); the server sends its
 * own SyncStep1, then SyncStep2 (what the client lacks); the client answers the server's SyncStep1 with
 * SyncStep2, computed from the doc at that moment: everything the server lacks, under any client ID the
 * doc holds. Hocuspocus's provider, though, sends each doc update as an Update message as soon as it
 * happens: while the socket is down they wait in the socket's queue, which is flushed when the socket
 * opens, BEFORE that SyncStep2, and an edit made just after reconnecting also goes out before it. Such an
 * update can depend on content the server has never had: an edit of a shape created offline in an
 * earlier page load (the reloaded doc has a new client ID, and the old ID's edits exist only on this
 * device), or an edit after one that was lost with a dropped socket. The server refuses it
 * (missing-dependency) rather than keep it pending and unvalidated, and a refusal resets the board.
 *
 * So until the provider has answered the server's SyncStep1 on the current socket, updates are not sent
 * at all; once it has, they are sent as before. Nothing is lost: the SyncStep2 carries everything made
 * before it, and everything after it depends only on what the server had or that SyncStep2 carried,
 * which the server reads first on the same ordered socket. Because updates no longer queue while
 * offline, the count of unsynced changes is kept here instead, so the status still says how many
 * changes wait; the handshake resets that count (to 1, for the SyncStep2) itself.
 */
import {
  type HocuspocusProvider,
  type HocuspocusProviderWebsocket,
  WebSocketStatus,
} from '@hocuspocus/provider'

const MESSAGE_SYNC = 0
const MESSAGE_SYNC_REPLY = 4
const SYNC_STEP_1 = 0
/** WebSocket.OPEN, the same in browsers and in Node's built-in WebSocket. */
const WEBSOCKET_OPEN = 1

/** Takes over the provider's doc-update listener; returns the function that gives it up. */
export function sendUpdatesAfterHandshake(
  provider: HocuspocusProvider,
  socket: HocuspocusProviderWebsocket,
): () => void {
  const doc = provider.document
  let answered = false
  doc.off('update', provider.boundDocumentUpdateHandler)

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === provider) return
    // Only onto an open socket: on one that is closing (the network went, its close event not yet
    // fired) the provider would queue the update and flush it on the next socket ahead of that socket's
    // handshake, after updates sent on the dying one were lost: a gap the server refuses. The next
    // handshake's SyncStep2 carries it instead.
    if (answered && socket.webSocket?.readyState !== WEBSOCKET_OPEN) answered = false
    if (answered) {
      provider.documentUpdateHandler(update, origin)
      return
    }
    // While the socket is open the handshake's own count (1, for the SyncStep2) already covers it.
    if (socket.status !== WebSocketStatus.Connected) provider.incrementUnsyncedChanges()
  }
  // 'message' is emitted before the provider handles the message: the SyncStep2 it is about to send
  // is computed after this, from a doc that holds every update held back so far.
  const onMessage = ({ event }: { event: MessageEvent }) => {
    if (!answered && isServerSyncStep1(event.data)) answered = true
  }
  const onClose = () => {
    answered = false
  }
  doc.on('update', onUpdate)
  provider.on('message', onMessage)
  provider.on('close', onClose)
  return () => {
    doc.off('update', onUpdate)
    provider.off('message', onMessage)
    provider.off('close', onClose)
  }
}

/**
 * Reads the head of a Hocuspocus message: varString document name, varUint type, varUint sync type
 * (lib0 encodings, read by hand: lib0 is not a dependency of the client, and three numbers are enough).
 */
function isServerSyncStep1(data: unknown): boolean {
  if (!(data instanceof ArrayBuffer) && !(data instanceof Uint8Array)) return false
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data)
  let position = 0
  const readVarUint = (): number => {
    let value = 0
    for (let shift = 0; position < bytes.length && shift < 35; shift += 7) {
      const byte = bytes[position++]!
      value += (byte & 0x7f) * 2 ** shift
      if (byte < 0x80) return value
    }
    return Number.NaN
  }
  const nameBytes = readVarUint()
  position += nameBytes // skip the name
  const type = readVarUint()
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return false
  return readVarUint() === SYNC_STEP_1
}
