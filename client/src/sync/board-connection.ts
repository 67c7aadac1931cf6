/**
 * One board's connection to the sync server: a Hocuspocus provider on `/collab` with the board id as
 * document name, reporting its status and the server's refusals.
 *
 * A refusal ends this connection for good: Hocuspocus's provider stays "connected" with its refused
 * update pending and never recovers (docs/architecture.md, toolchain facts), so the owner resets the doc and connects anew.
 * The server's stateless messages are read with @flowmap/shared's parser: a refusal this build cannot
 * read (another protocol version, an unknown code) is reported as such, never guessed at.
 */
import {
  ATTENTION_MESSAGE_TYPE,
  ATTENTION_REFUSED_TYPE,
  CLOCK_ANSWER_TYPE,
  PEOPLE_MESSAGE_TYPE,
  type PeopleMessage,
  PRIVATE_REVEAL_ANSWER_TYPE,
  parseStatelessMessage,
  REFUSAL_CODES,
  REFUSAL_MESSAGE_TYPE,
  REMOVED_MESSAGE_TYPE,
  type RefusalMessage,
  refusalMessage,
} from '@flowmap/shared'
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider'
import type * as Y from 'yjs'
import { presentedToken } from '../presence/identity-token.ts'
import { type ConnectionStatus, deriveConnectionStatus, sameConnectionStatus } from './connection-status.ts'
import { sendUpdatesAfterHandshake } from './updates-after-handshake.ts'

export interface BoardConnectionOptions {
  readonly url: string
  readonly boardId: string
  /** The share token; null in local mode, where the page declares this device's person instead. */
  readonly token: string | null
  readonly doc: Y.Doc
  onStatus(status: ConnectionStatus): void
  onRefusal(message: RefusalMessage): void
  /**
   * The server refused an update in a message this build cannot read (`reason` says why): the
   * connection is as dead as after any refusal, but what to roll back is not known.
   */
  onUnreadableRefusal(reason: string): void
  /** The server has acknowledged every local change (after a handshake or an update). */
  onAllAcknowledged(): void
  /** Who is on the board, as the server verified them, and this connection's own entry (people-messages.ts). */
  onPeople?(message: PeopleMessage): void
  /** A facilitator removed this person from the board; the server closes the socket next. */
  onRemoved?(reason: string): void
  /** The server turned the token down; the reason is shown to the user. */
  onAuthenticationFailed(reason: string): void
  /** Reconnect delay ceiling; Hocuspocus's default (30 s) keeps a returning user waiting too long. */
  readonly maxReconnectDelayMs?: number
}

export interface BoardConnection {
  readonly provider: HocuspocusProvider
  status(): ConnectionStatus
  /** Ends the connection at once, as a network drop does; the provider reconnects by itself (test hook). */
  dropSocket(): void
  destroy(): void
}

/** WebSocket close code 1009: the peer closed because a message was too big to process. */
const MESSAGE_TOO_BIG = 1009
/** WebSocket close code 1006: the connection ended without a closing handshake (what a dead network gives). */
const CLOSED_ABNORMALLY = 1006

/**
 * Hocuspocus's socket, able to end a connection at once. `WebSocket.close()` waits for the peer's answer
 * to its closing handshake, which a dead network never carries: the provider would say "connected" until
 * its own silence check gives up (about 40 s). Dropping goes through the socket's own close path (the
 * listeners of the old WebSocket are removed, the provider resets its handshake, a reconnect is planned).
 */
class DroppableSocket extends HocuspocusProviderWebsocket {
  drop(reason: string): void {
    if (this.status !== WebSocketStatus.Connected) return
    this.emit('close', { event: { code: CLOSED_ABNORMALLY, reason } })
  }
}

export function connectBoard(options: BoardConnectionOptions): BoardConnection {
  let destroyed = false
  let last: ConnectionStatus | null = null
  // Our own socket object, so that its retry settings can be set; one socket per board connection.
  const socket = new DroppableSocket({
    url: options.url,
    maxDelay: options.maxReconnectDelayMs ?? 5000,
  })
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: options.boardId,
    document: options.doc,
    // Asked at every (re)connection, so a name changed in the people panel reaches the next entries.
    token: () => presentedToken(options.token),
  })
  // Never an update the server cannot place: the handshake's SyncStep2 goes first (see that module).
  const stopHoldingUpdates = sendUpdatesAfterHandshake(provider, socket)

  const status = (): ConnectionStatus =>
    deriveConnectionStatus({
      socket: socket.status,
      handshakeDone: provider.synced,
      unsyncedChanges: provider.unsyncedChanges,
      browserOnline: typeof navigator === 'undefined' ? undefined : navigator.onLine,
    })
  const report = () => {
    if (destroyed) return
    const next = status()
    if (last && sameConnectionStatus(last, next)) return
    last = next
    options.onStatus(next)
  }

  provider.on('status', report)
  provider.on('synced', report)
  provider.on('disconnect', report)
  provider.on('unsyncedChanges', ({ number }: { number: number }) => {
    report()
    if (number === 0 && provider.synced) options.onAllAcknowledged()
  })
  provider.on('stateless', ({ payload }: { payload: string }) => {
    if (destroyed) return
    const parsed = parseStatelessMessage(payload)
    if (!parsed.ok) {
      // Anything else on the stateless channel is not ours to act on.
      if (parsed.type === REFUSAL_MESSAGE_TYPE) options.onUnreadableRefusal(parsed.reason)
      return
    }
    const { message } = parsed
    switch (message.type) {
      case REFUSAL_MESSAGE_TYPE:
        options.onRefusal(message)
        return
      case PEOPLE_MESSAGE_TYPE:
        options.onPeople?.(message)
        return
      case REMOVED_MESSAGE_TYPE:
        options.onRemoved?.(message.reason)
        return
      case 'vote-ballot':
      case 'vote-progress':
      case 'vote-refused':
        // Read by the voting panel from the provider's own stateless events (client/src/voting/).
        return
      case ATTENTION_MESSAGE_TYPE:
      case ATTENTION_REFUSED_TYPE:
        // The presence layer reads these from the provider itself (presence/use-attention.ts).
        return
      case CLOCK_ANSWER_TYPE: // read by the workshop timer's clock (client/src/workshop/server-clock.ts)
      case PRIVATE_REVEAL_ANSWER_TYPE: // read by the private drafts (client/src/workshop/private-drafts.ts)
        return
      default: {
        const unexpected: never = message
        throw new Error(`unhandled stateless message type ${String((unexpected as { type: unknown }).type)}`)
      }
    }
  })
  // A frame far over the server's limit is cut off by its WebSocket layer (close code 1009, "message
  // too big") before the server can refuse it with a reason: the same refusal for size, without the limit.
  socket.on('close', ({ event }: { event: { code: number } }) => {
    if (event.code !== MESSAGE_TOO_BIG || destroyed) return
    options.onRefusal(
      refusalMessage({
        code: REFUSAL_CODES.tooLarge,
        reason: 'the server cut off a message far larger than it accepts',
        recordId: null,
      }),
    )
  })
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
    if (!destroyed) options.onAuthenticationFailed(reason)
  })
  // A provider given its socket attaches only when told to.
  provider.attach()

  // The browser knows before the retry timer does that the network is back.
  const reconnectNow = () => {
    report()
    if (socket.status === WebSocketStatus.Disconnected) void socket.connect()
  }
  // The browser knows the network is gone: a socket still open is dead, so end it now and say offline.
  const networkGone = () => {
    socket.drop('the browser went offline')
    report()
  }
  const hasWindow = typeof window !== 'undefined' && typeof window.addEventListener === 'function'
  if (hasWindow) {
    window.addEventListener('online', reconnectNow)
    window.addEventListener('offline', networkGone)
  }

  return {
    provider,
    status,
    dropSocket: () => socket.drop('dropped by the test hook'),
    destroy: () => {
      if (destroyed) return
      destroyed = true
      if (hasWindow) {
        window.removeEventListener('online', reconnectNow)
        window.removeEventListener('offline', networkGone)
      }
      stopHoldingUpdates()
      provider.destroy()
      socket.destroy()
    },
  }
}
