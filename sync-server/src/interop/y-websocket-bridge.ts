/**
 * y-websocket interop (ARCHITECTURE.md "Interop"): a plain Yjs client speaking the y-websocket protocol
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
 *      since that is all a y-websocket client understands. Such a client cannot reset its doc the way
 *      the refusal protocol asks, so after a refusal it stays refused until it drops the change.
 */
import type { IncomingMessage } from 'node:http'
import type { Hocuspocus } from '@hocuspocus/server'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { WebSocket } from 'ws'
import type { Logger } from '../logger.ts'
import { parseRejectedMessage } from '../protocol/refusal.ts'

export const Y_WEBSOCKET_PATH_PREFIX = '/yjs/'

const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const MESSAGE_AUTH = 2
const MESSAGE_QUERY_AWARENESS = 3
const MESSAGE_SYNC_REPLY = 4
const MESSAGE_STATELESS = 5
const MESSAGE_CLOSE = 7
const AUTH_TOKEN = 0
const AUTH_PERMISSION_DENIED = 1

/** WebSocket close codes a y-websocket client sees (4000–4999 are the application's). */
const PERMISSION_DENIED_CLOSE = 4401
const REFUSED_CLOSE = 4422

export function bridgeYWebsocketClient(options: {
  hocuspocus: Hocuspocus
  ws: WebSocket
  request: Request
  boardId: string
  token: string
  logger: Logger
}): void {
  const { hocuspocus, ws, boardId } = options
  let lastRejection: string | null = null

  const closeWith = (code: number, reason: string) => {
    // A close reason is limited to 123 bytes.
    ws.close(code, Buffer.from(reason).subarray(0, 123).toString())
  }

  const towardsClient = {
    get readyState() {
      return ws.readyState
    },
    close: (code?: number, reason?: string) => ws.close(code, reason),
    send(data: unknown) {
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer)
      const decoder = decoding.createDecoder(bytes)
      decoding.readVarString(decoder)
      const type = decoding.readVarUint(decoder)
      const payload = bytes.subarray(decoder.pos)
      switch (type) {
        case MESSAGE_SYNC:
        case MESSAGE_SYNC_REPLY:
        case MESSAGE_AWARENESS:
          ws.send(frame(type === MESSAGE_SYNC_REPLY ? MESSAGE_SYNC : type, payload))
          return
        case MESSAGE_AUTH:
          if (decoding.readVarUint(decoder) === AUTH_PERMISSION_DENIED) {
            closeWith(PERMISSION_DENIED_CLOSE, decoding.readVarString(decoder))
          }
          return
        case MESSAGE_STATELESS:
          lastRejection = parseRejectedMessage(decoding.readVarString(decoder))?.reason ?? lastRejection
          return
        case MESSAGE_CLOSE:
          closeWith(REFUSED_CLOSE, lastRejection ?? decoding.readVarString(decoder))
          return
        default:
          // acknowledgements (SyncStatus), pings: nothing a y-websocket client reads
          return
      }
    },
  }

  const client = hocuspocus.handleConnection(towardsClient, options.request)
  client.handleMessage(
    addressed(boardId, MESSAGE_AUTH, (encoder) => {
      encoding.writeVarUint(encoder, AUTH_TOKEN)
      encoding.writeVarString(encoder, options.token)
    }),
  )
  ws.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    const decoder = decoding.createDecoder(bytes)
    const type = decoding.readVarUint(decoder)
    if (type !== MESSAGE_SYNC && type !== MESSAGE_AWARENESS && type !== MESSAGE_QUERY_AWARENESS) return
    client.handleMessage(
      addressed(boardId, type, (encoder) => encoding.writeUint8Array(encoder, bytes.subarray(decoder.pos))),
    )
  })
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
