/**
 * A raw WebSocket (the `ws` client, so a test can set headers such as X-Forwarded-For and read a
 * refused upgrade's status and body) speaking either protocol: Hocuspocus on /collab (every message
 * prefixed with the board) or y-websocket on /yjs/<board>. It sends exactly the bytes a test makes and
 * records what the server answers: authentication, acknowledgements, the close code and reason.
 */
import { AuthMessageType } from '@hocuspocus/common'
import { MessageType } from '@hocuspocus/server'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'

const SYNC_UPDATE = 2

export interface AwarenessEntry {
  clientId: number
  clock: number
  /** JSON text, e.g. '{"name":"Ada"}'; 'null' when the client leaves */
  state: string
}

export interface FloodSocket {
  /** resolves once the WebSocket is open (or rejects when the upgrade was refused) */
  opened: Promise<void>
  /** /collab: resolves with 'read-write' | 'read-only' once the board accepted the token */
  authenticated: Promise<string>
  /** the refused upgrade's HTTP status, headers and body */
  refused: Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>
  closed: Promise<{ code: number; reason: string }>
  /** /collab: acknowledgements (SyncStatus) received so far */
  readonly acknowledged: number
  sendUpdate(update: Uint8Array): void
  sendAwareness(entries: readonly AwarenessEntry[]): void
  close(): void
}

export function openFloodSocket(
  url: string,
  options: { board: string; protocol: 'collab' | 'yjs'; token?: string; headers?: Record<string, string> },
): FloodSocket {
  const { board, protocol } = options
  const ws = new WebSocket(url, { headers: options.headers })
  let acknowledged = 0
  let onAuthenticated: (scope: string) => void = () => {}
  const authenticated = new Promise<string>((resolve) => {
    onAuthenticated = resolve
  })
  let onRefused: (refusal: Awaited<FloodSocket['refused']>) => void = () => {}
  const refused = new Promise<Awaited<FloodSocket['refused']>>((resolve) => {
    onRefused = resolve
  })
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  opened.catch(() => {})
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  ws.on('unexpected-response', (_request, response) => {
    let body = ''
    response.on('data', (chunk: Buffer) => {
      body += chunk.toString()
    })
    response.on('end', () => onRefused({ status: response.statusCode ?? 0, headers: response.headers, body }))
  })
  ws.on('error', () => {})
  ws.on('message', (data: Buffer) => {
    if (protocol !== 'collab') return
    const decoder = decoding.createDecoder(new Uint8Array(data))
    decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    if (type === MessageType.SyncStatus) acknowledged++
    if (type === MessageType.Auth && decoding.readVarUint(decoder) === AuthMessageType.Authenticated) {
      onAuthenticated(decoding.readVarString(decoder))
    }
  })

  const frame = (type: number, body: (encoder: encoding.Encoder) => void): Uint8Array => {
    const encoder = encoding.createEncoder()
    if (protocol === 'collab') encoding.writeVarString(encoder, board)
    encoding.writeVarUint(encoder, type)
    body(encoder)
    return encoding.toUint8Array(encoder)
  }
  const send = (bytes: Uint8Array) => {
    void opened.then(
      () => {
        if (ws.readyState === WebSocket.OPEN) ws.send(bytes)
      },
      () => {},
    )
  }
  if (protocol === 'collab') {
    send(
      frame(MessageType.Auth, (encoder) => {
        encoding.writeVarUint(encoder, AuthMessageType.Token)
        encoding.writeVarString(encoder, options.token ?? '')
      }),
    )
  }

  return {
    opened,
    authenticated,
    refused,
    closed,
    get acknowledged() {
      return acknowledged
    },
    sendUpdate: (update) =>
      send(
        frame(MessageType.Sync, (encoder) => {
          encoding.writeVarUint(encoder, SYNC_UPDATE)
          encoding.writeVarUint8Array(encoder, update)
        }),
      ),
    sendAwareness: (entries) =>
      send(
        frame(MessageType.Awareness, (encoder) =>
          encoding.writeVarUint8Array(encoder, awarenessUpdate(entries)),
        ),
      ),
    close: () => ws.close(),
  }
}

export function awarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, state)
  }
  return encoding.toUint8Array(encoder)
}
