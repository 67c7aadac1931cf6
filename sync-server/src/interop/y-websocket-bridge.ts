/**
 * y-websocket interop: a plain Yjs client speaking the y-websocket protocol
 * joins a board at `/yjs/<boardId>?token=…` and goes through the very same Hocuspocus hooks as our own
 * clients: auth, read-only viewers, validation, the history log.
 *
 * The two protocols differ only in framing. A y-websocket message is `[varUint type][payload]`; a
 * Hocuspocus message prefixes it with `[varString document name]`, and message types 0 (sync),
 * 1 (awareness) and 3 (query awareness) mean the same in both. So the bridge:
 *   1. sends Hocuspocus the Auth message a provider would (the token from the URL), on connect;
 *   2. prefixes every incoming y-websocket message with the board id;
 *   3. strips the prefix from Hocuspocus's answers, forwarding sync and awareness and dropping what a
 *      y-websocket client does not know (acknowledgements, stateless messages);
 *   4. turns "permission denied" and Hocuspocus's close message into a WebSocket close with the reason,
 *      since that is all a y-websocket client understands (codes from the close-codes table). Such a
 *      client cannot reset its doc the way the refusal protocol asks, so after a refusal it stays refused
 *      until it drops the change.
 * Incoming frames are decoded by the frame guard before step 2, so a malformed one closes the socket
 * with 4400 instead of throwing here; Hocuspocus's answers are decoded inside a guard too.
 */
import type { IncomingMessage } from 'node:http'
import { parseRefusalMessage } from '@flowmap/shared'
import { AuthMessageType } from '@hocuspocus/common'
import { type Hocuspocus, MessageType, type WebSocketLike } from '@hocuspocus/server'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { WebSocket } from 'ws'
import type { Logger } from '../logger.ts'
import { closeReason, FLOWMAP_CLOSE } from '../protocol/close-codes.ts'
import { checkYWebsocketFrame } from '../protocol/frame-guard.ts'
import { guardSocket } from '../protocol/guarded-socket.ts'

export const Y_WEBSOCKET_PATH_PREFIX = '/yjs/'

export function bridgeYWebsocketClient(options: {
  hocuspocus: Hocuspocus
  ws: WebSocket
  request: Request
  boardId: string
  token: string
  logger: Logger
  authTimeoutMs: number
}): void {
  const { hocuspocus, ws, boardId } = options
  let lastRejection: string | null = null

  const closeWithReason = (code: number, reason: string) => ws.close(code, closeReason(reason))

  // What Hocuspocus answers is decoded too; should it ever send bytes the bridge cannot read, that
  // ends this socket, not the process.
  const forwardToClient = (bytes: Uint8Array) => {
    const decoder = decoding.createDecoder(bytes)
    decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    const payload = bytes.subarray(decoder.pos)
    switch (type) {
      case MessageType.Sync:
      case MessageType.SyncReply:
      case MessageType.Awareness:
        ws.send(frame(type === MessageType.SyncReply ? MessageType.Sync : type, payload))
        return
      case MessageType.Auth: {
        const authType = decoding.readVarUint(decoder)
        if (authType === AuthMessageType.Authenticated) guard.markAuthenticated()
        if (authType === AuthMessageType.PermissionDenied) {
          const reason = decoding.readVarString(decoder)
          closeWithReason(
            FLOWMAP_CLOSE.permissionDenied.code,
            reason || FLOWMAP_CLOSE.permissionDenied.reason,
          )
        }
        return
      }
      case MessageType.Stateless: {
        const rejected = parseRefusalMessage(decoding.readVarString(decoder))
        if (rejected.ok) lastRejection = rejected.message.reason
        return
      }
      case MessageType.CLOSE:
        closeWithReason(FLOWMAP_CLOSE.updateRefused.code, lastRejection ?? decoding.readVarString(decoder))
        return
      default:
        // acknowledgements (SyncStatus), pings: nothing a y-websocket client reads
        return
    }
  }

  const towardsClient: WebSocketLike = {
    get readyState() {
      return ws.readyState
    },
    close: (code, reason) => ws.close(code, reason === undefined ? undefined : closeReason(reason)),
    send(data) {
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer)
      try {
        forwardToClient(bytes)
      } catch (error) {
        guard.closeWith(
          FLOWMAP_CLOSE.malformedMessage,
          `the server sent a message the bridge cannot read: ${(error as Error).message}`,
        )
      }
    },
  }

  const client = hocuspocus.handleConnection(towardsClient, options.request)
  const guard = guardSocket({
    ws,
    endpoint: 'y-websocket',
    board: boardId,
    authTimeoutMs: options.authTimeoutMs,
    logger: options.logger,
    check: checkYWebsocketFrame,
    onFrame: (bytes, check) => {
      // The guard decoded the type, a single varUint; the rest is the body Hocuspocus reads.
      const decoder = decoding.createDecoder(bytes)
      decoding.readVarUint(decoder)
      client.handleMessage(
        addressed(boardId, check.type, (encoder) =>
          encoding.writeUint8Array(encoder, bytes.subarray(decoder.pos)),
        ),
      )
    },
  })
  client.handleMessage(
    addressed(boardId, MessageType.Auth, (encoder) => {
      encoding.writeVarUint(encoder, AuthMessageType.Token)
      encoding.writeVarString(encoder, options.token)
    }),
  )
  ws.on('close', (code: number, reason: Buffer) => client.handleClose({ code, reason: reason.toString() }))
  ws.on('error', (error: Error) =>
    options.logger.warn({ event: 'error', board: boardId, err: error.message }, 'y-websocket error'),
  )
}

/** The board id a y-websocket URL names, or null when the path is not a y-websocket path. */
export function yWebsocketBoardId(pathname: string): string | null {
  if (!pathname.startsWith(Y_WEBSOCKET_PATH_PREFIX)) return null
  try {
    return decodeURIComponent(pathname.slice(Y_WEBSOCKET_PATH_PREFIX.length))
  } catch {
    return null
  }
}

export function tokenFromQuery(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'http://flowmap.invalid').searchParams.get('token') ?? ''
}

function frame(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  encoding.writeUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

function addressed(boardId: string, type: number, body: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, boardId)
  encoding.writeVarUint(encoder, type)
  body(encoder)
  return encoding.toUint8Array(encoder)
}
