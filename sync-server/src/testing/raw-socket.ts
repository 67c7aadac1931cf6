/**
 * A hand-rolled Hocuspocus protocol client: sends exactly the bytes a test chooses (a viewer's forged
 * update, an oversized message) with no provider logic in the way, and records what comes back.
 */
import { AuthMessageType } from '@hocuspocus/common'
import { MessageType } from '@hocuspocus/server'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { messageYjsUpdate } from 'y-protocols/sync'

export interface RawBoardSocket {
  /** 'read-only' | 'read-write' once authenticated */
  scope: Promise<string>
  permissionDenied: Promise<string>
  stateless: string[]
  /** every frame the server sent, as received: what a snooping participant could read */
  frames: Uint8Array[]
  /** the reasons of CLOSE messages the server sent for the board */
  closeReasons: string[]
  /** SyncStatus acknowledgements: true = applied */
  syncStatuses: boolean[]
  /** resolves with the WebSocket close code */
  closed: Promise<number>
  sendUpdate(update: Uint8Array): void
  sendBytes(bytes: Uint8Array): void
  close(): void
}

export function openRawBoardSocket(collabUrl: string, boardId: string, token: string): RawBoardSocket {
  const ws = new WebSocket(collabUrl)
  ws.binaryType = 'arraybuffer'
  const stateless: string[] = []
  const frames: Uint8Array[] = []
  const closeReasons: string[] = []
  const syncStatuses: boolean[] = []
  let onScope: (scope: string) => void = () => {}
  let onDenied: (reason: string) => void = () => {}
  const scope = new Promise<string>((resolve) => {
    onScope = resolve
  })
  const permissionDenied = new Promise<string>((resolve) => {
    onDenied = resolve
  })
  const closed = new Promise<number>((resolve) =>
    ws.addEventListener('close', (event) => resolve(event.code)),
  )
  const opened = new Promise<void>((resolve) => ws.addEventListener('open', () => resolve()))

  ws.addEventListener('message', (event) => {
    frames.push(new Uint8Array(event.data as ArrayBuffer))
    const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer))
    decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    if (type === MessageType.Auth) {
      const authType = decoding.readVarUint(decoder)
      if (authType === AuthMessageType.Authenticated) onScope(decoding.readVarString(decoder))
      if (authType === AuthMessageType.PermissionDenied) onDenied(decoding.readVarString(decoder))
    } else if (type === MessageType.Stateless) stateless.push(decoding.readVarString(decoder))
    else if (type === MessageType.CLOSE) closeReasons.push(decoding.readVarString(decoder))
    else if (type === MessageType.SyncStatus) syncStatuses.push(decoding.readVarUint(decoder) === 1)
  })

  const send = (bytes: Uint8Array) => void opened.then(() => ws.send(bytes as Uint8Array<ArrayBuffer>))
  send(
    message(boardId, MessageType.Auth, (encoder) => {
      encoding.writeVarUint(encoder, AuthMessageType.Token)
      encoding.writeVarString(encoder, token)
    }),
  )

  return {
    scope,
    permissionDenied,
    stateless,
    frames,
    closeReasons,
    syncStatuses,
    closed,
    sendUpdate: (update) =>
      send(
        message(boardId, MessageType.Sync, (encoder) => {
          encoding.writeVarUint(encoder, messageYjsUpdate)
          encoding.writeVarUint8Array(encoder, update)
        }),
      ),
    sendBytes: send,
    close: () => ws.close(),
  }
}

function message(boardId: string, type: number, body: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, boardId)
  encoding.writeVarUint(encoder, type)
  body(encoder)
  return encoding.toUint8Array(encoder)
}
