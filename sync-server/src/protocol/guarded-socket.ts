/**
 * The edge of every client socket (/collab and /yjs/<board>): frames reach a handler only once
 * frame-guard.ts has decoded them, and nothing the handler does with them can throw out of the ws
 * event or leave a rejected promise behind. A malformed frame closes that one socket with
 * `FLOWMAP_CLOSE.malformedMessage` and one warn line; a socket that has not authenticated for any
 * board within the auth timeout closes with `FLOWMAP_CLOSE.authTimeout`.
 *
 * "Authenticated" is sticky, as in Hocuspocus: once the server has answered one Auth message with
 * "authenticated", the socket is past the deadline for good. A tab that reconnects opens a new
 * socket and authenticates within milliseconds, so the timeout only ever meets sockets that never try
 * or whose every attempt was refused.
 */
import type { WebSocket } from 'ws'
import type { Logger } from '../logger.ts'
import { type CloseEvent, closeReason, FLOWMAP_CLOSE } from './close-codes.ts'
import { type FrameCheck, ownFrameBytes } from './frame-guard.ts'

export interface GuardedSocketOptions {
  ws: WebSocket
  /** which endpoint, for the log line */
  endpoint: 'collab' | 'y-websocket'
  /** the board named by the URL (y-websocket), for the log line */
  board?: string
  authTimeoutMs: number
  logger: Logger
  check: (frame: Uint8Array) => FrameCheck
  /** Receives frames the check accepted, as bytes in a buffer of their own. */
  onFrame: (frame: Uint8Array, check: Extract<FrameCheck, { ok: true }>) => void
}

export interface GuardedSocket {
  /** The server answered an Auth message with "authenticated": the auth deadline no longer applies. */
  markAuthenticated(): void
  readonly authenticated: boolean
  /** Closes the socket with `event` and one warn line saying why, once. */
  closeWith(event: CloseEvent, detail: string): void
}

export function guardSocket(options: GuardedSocketOptions): GuardedSocket {
  const { ws, logger } = options
  let authenticated = false
  let closed = false

  const closeWith = (event: CloseEvent, detail: string) => {
    if (closed) return
    closed = true
    clearTimeout(authDeadline)
    logger.warn(
      { event: 'socket-closed', endpoint: options.endpoint, board: options.board, code: event.code, detail },
      `closing a ${options.endpoint} socket: ${detail}`,
    )
    ws.close(event.code, closeReason(event.reason))
  }

  const authDeadline = setTimeout(() => {
    if (!authenticated) {
      closeWith(FLOWMAP_CLOSE.authTimeout, `not authenticated within ${options.authTimeoutMs} ms`)
    }
  }, options.authTimeoutMs)
  authDeadline.unref()

  ws.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
    // Frames already in flight when the socket was closed are not read.
    if (closed) return
    if (!isBinary) return closeWith(FLOWMAP_CLOSE.malformedMessage, 'a text frame (the protocol is binary)')
    const frame = ownFrameBytes(data)
    const check = options.check(frame)
    if (!check.ok) return closeWith(FLOWMAP_CLOSE.malformedMessage, check.problem)
    try {
      options.onFrame(frame, check)
    } catch (error) {
      // The frame decoded, so this is a bug downstream; it still ends this socket, not the process.
      closeWith(FLOWMAP_CLOSE.malformedMessage, `handling the frame failed: ${(error as Error).message}`)
    }
  })
  ws.on('close', () => {
    closed = true
    clearTimeout(authDeadline)
  })

  return {
    markAuthenticated: () => {
      authenticated = true
      clearTimeout(authDeadline)
    },
    get authenticated() {
      return authenticated
    },
    closeWith,
  }
}
