/**
 * The hostile connection: a raw Hocuspocus-protocol socket (no provider: nothing paces it) that sends
 * small valid updates on the board at a fixed rate: each one moves the flooder's own step, so every
 * message is validated and appended on the server's real path.
 *
 * Works with or without the server's rate limits: a socket the server closes is counted by close code
 * (4429 = rate limited) and replaced by a new one with a fresh Y.Doc (its own client ID), since the
 * refused updates would otherwise leave every later one depending on a struct the server never stored.
 * When the server stops reading, the socket's send buffer fills; the flooder then skips sends (counted)
 * rather than queueing without bound in this process.
 */
import { MessageType } from '@hocuspocus/server'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { writeBenchRecord } from '../fanout/record-writer.ts'
import { stepRecord } from '../fanout/step-edits.ts'

const AUTH_TOKEN = 0
const SYNC_UPDATE = 2
/** The flooder's step: editor indexes 0..n are the honest clients'. */
const FLOODER_EDITOR = 40
/** Beyond this many bytes waiting in the socket's send buffer, a tick sends nothing. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024

export interface FloodCounts {
  sent: number
  /** SyncStatus answers: applied */
  acknowledged: number
  /** SyncStatus answers: not applied */
  notApplied: number
  /** sends skipped because the socket's send buffer was full (the server stopped reading) */
  skippedBufferFull: number
  /** sockets the server closed, by close code */
  closedByCode: Map<number, number>
  connections: number
}

export interface Flooder {
  counts: FloodCounts
  /** Stops sending and closes the socket. */
  stop(): Promise<void>
}

export function startFlooder(socketUrl: string, board: string, messagesPerSecond: number): Flooder {
  const counts: FloodCounts = {
    sent: 0,
    acknowledged: 0,
    notApplied: 0,
    skippedBufferFull: 0,
    closedByCode: new Map(),
    connections: 0,
  }
  let stopped = false
  let socket: FloodSocket | null = null
  let reconnectTimer: NodeJS.Timeout | undefined

  const connect = () => {
    counts.connections++
    const current = openFloodSocket(socketUrl, board, counts)
    socket = current
    void current.closed.then((code) => {
      if (stopped) return
      counts.closedByCode.set(code, (counts.closedByCode.get(code) ?? 0) + 1)
      socket = null
      // A hostile client comes straight back; a short pause keeps this process from spinning.
      reconnectTimer = setTimeout(connect, 100)
    })
  }
  connect()

  // Ticks of 10 ms; each sends what the rate owes since the last one, at most 50 ms' worth, so a tick
  // late because this process was busy catches up a little but never bursts far above the rate.
  let last = performance.now()
  let owed = 0
  const ticker = setInterval(() => {
    const now = performance.now()
    owed = Math.min(owed + ((now - last) / 1000) * messagesPerSecond, messagesPerSecond * 0.05)
    last = now
    const batch = Math.floor(owed)
    owed -= batch
    if (socket === null || !socket.ready) return
    for (let i = 0; i < batch; i++) {
      if (socket.bufferedAmount() > MAX_BUFFERED_BYTES) {
        counts.skippedBufferFull += batch - i
        break
      }
      socket.sendMove()
      counts.sent++
    }
  }, 10)

  return {
    counts,
    stop: async () => {
      stopped = true
      clearInterval(ticker)
      clearTimeout(reconnectTimer)
      if (socket !== null) {
        socket.close()
        await socket.closed
      }
    },
  }
}

interface FloodSocket {
  ready: boolean
  closed: Promise<number>
  bufferedAmount(): number
  sendMove(): void
  close(): void
}

function openFloodSocket(socketUrl: string, board: string, counts: FloodCounts): FloodSocket {
  const ws = new WebSocket(socketUrl)
  ws.binaryType = 'arraybuffer'
  const doc = new Y.Doc()
  let pending: Uint8Array | null = null
  doc.on('update', (update: Uint8Array) => {
    pending = update
  })
  let seq = 0
  const nextUpdate = (): Uint8Array => {
    pending = null
    writeBenchRecord(doc, stepRecord(FLOODER_EDITOR, seq++))
    if (pending === null) throw new Error('a move of the flood step produced no update')
    return pending
  }
  const flood: FloodSocket = {
    ready: false,
    closed: new Promise<number>((resolve) =>
      ws.addEventListener('close', (event) => {
        flood.ready = false
        doc.destroy()
        resolve(event.code)
      }),
    ),
    bufferedAmount: () => ws.bufferedAmount,
    sendMove: () => ws.send(syncUpdate(board, nextUpdate()) as Uint8Array<ArrayBuffer>),
    close: () => ws.close(),
  }
  ws.addEventListener('open', () => {
    ws.send(authMessage(board) as Uint8Array<ArrayBuffer>)
    // The first message creates the whole step; every later one moves it (one field).
    ws.send(syncUpdate(board, nextUpdate()) as Uint8Array<ArrayBuffer>)
    counts.sent++
    flood.ready = true
  })
  ws.addEventListener('message', (event) => {
    const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer))
    decoding.readVarString(decoder)
    if (decoding.readVarUint(decoder) !== MessageType.SyncStatus) return
    if (decoding.readVarUint(decoder) === 1) counts.acknowledged++
    else counts.notApplied++
  })
  ws.addEventListener('error', () => {
    // The close event follows and is counted there.
  })
  return flood
}

function authMessage(board: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, board)
  encoding.writeVarUint(encoder, MessageType.Auth)
  encoding.writeVarUint(encoder, AUTH_TOKEN)
  // Local mode (no FLOWMAP_AUTH_SECRET) takes an empty token.
  encoding.writeVarString(encoder, '')
  return encoding.toUint8Array(encoder)
}

function syncUpdate(board: string, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, board)
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, SYNC_UPDATE)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}
