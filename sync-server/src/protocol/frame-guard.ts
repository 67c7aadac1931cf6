/**
 * Decodes every frame a client sends, completely, before any handler sees it. Hocuspocus and the
 * y-websocket bridge read frames with lib0 as they go, and a frame that ends early or holds garbage
 * throws from the middle of a socket handler (that was enough to take the whole process down). Here a
 * frame is either known good, so the handlers downstream cannot fail on its bytes, or refused with a
 * sentence saying what is wrong with it; the socket then closes with `FLOWMAP_CLOSE.malformedMessage`.
 *
 * Two framings share one set of message bodies (y-protocols):
 *   - /collab (Hocuspocus): `[varString address][varUint type][body]`, the address being the board id,
 *     optionally `board\0session`. A non-Auth message is only accepted for an address this socket has
 *     sent an Auth message for: an honest provider always authenticates first.
 *   - /yjs/<board> (y-websocket): `[varUint type][body]` with types Sync, Awareness, QueryAwareness.
 *
 * Bodies, by type:
 *   Sync / SyncReply  `[varUint syncType]` then step 1: `[varUint8Array state vector]`,
 *                     step 2 or update: `[varUint8Array V1 update]`, decoded with Yjs (O(update)).
 *   Awareness         `[varUint8Array [varUint n] n × ([varUint client][varUint clock][varString JSON])]`
 *   Auth              `[varUint Token][varString token]([varString provider version])`
 *   QueryAwareness, CLOSE   nothing
 *   Stateless         `[varString payload]`, at most MAX_STATELESS_BYTES
 * Nothing may follow a body. Server-only types (SyncStatus, BroadcastStateless, …) and unknown ones are
 * refused. Hocuspocus's provider answers a bare Ping with the single byte Pong, with no address: that
 * frame is accepted and needs no handler; so does a CLOSE for a board the socket never authenticated for.
 */
import { MAX_STATELESS_REQUEST_BYTES } from '@flowmap/shared'
import { AuthMessageType } from '@hocuspocus/common'
import { MessageType } from '@hocuspocus/server'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

/** A board id is at most 64 characters; with a session suffix an address stays far below this. */
export const MAX_ADDRESS_BYTES = 256

/**
 * A client's stateless payload is at most this (@flowmap/shared's MAX_STATELESS_REQUEST_BYTES): commands
 * of a few hundred bytes, and private-mode reveals split by the client to fit.
 */
export const MAX_STATELESS_BYTES = MAX_STATELESS_REQUEST_BYTES

/** Distinct addresses one /collab socket may authenticate for; a tab multiplexes a handful. */
export const MAX_ADDRESSES_PER_SOCKET = 64

const SYNC_STEP_1 = 0
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

/** `address` is null for a frame that is valid but has nothing for Hocuspocus (a bare Pong, see below). */
export type FrameCheck =
  | { ok: true; type: MessageType; address: string | null }
  | { ok: false; problem: string }

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** A problem found while reading; thrown only inside this module and turned into a FrameCheck. */
class FrameProblem extends Error {}

/**
 * The frame's bytes in an ArrayBuffer of their own. ws may hand over a view into a larger pooled
 * buffer, and lib0 reads past the end of a view into that buffer instead of failing.
 */
export function ownFrameBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0))
  return new Uint8Array(data)
}

/** The checks of one /collab socket: remembers which addresses it has sent an Auth message for. */
export function collabFrameChecker(): (frame: Uint8Array) => FrameCheck {
  const authenticating = new Set<string>()
  return (frame) =>
    checked(() => {
      if (frame.byteLength === 1 && frame[0] === MessageType.Pong) {
        return { ok: true, type: MessageType.Pong, address: null }
      }
      const decoder = decoding.createDecoder(frame)
      const address = readString(decoder, 'document address', MAX_ADDRESS_BYTES)
      if (address === '') throw new FrameProblem('empty document address')
      const type = readVarUint(decoder, 'message type')
      if (type === MessageType.Auth) {
        if (!authenticating.has(address) && authenticating.size >= MAX_ADDRESSES_PER_SOCKET) {
          throw new FrameProblem(`more than ${MAX_ADDRESSES_PER_SOCKET} boards on one socket`)
        }
        readAuthBody(decoder)
        authenticating.add(address)
      } else if (type === MessageType.CLOSE && !authenticating.has(address)) {
        // A multiplexing provider detached before its Auth went out still sends CLOSE from its queue:
        // harmless, and nothing to hand on (a null address), since that board was never opened here.
        expectEnd(decoder)
        return { ok: true, type, address: null }
      } else {
        if (!authenticating.has(address)) {
          throw new FrameProblem(`message type ${type} for a board this socket has not authenticated for`)
        }
        readBody(decoder, type, COLLAB_TYPES)
      }
      expectEnd(decoder)
      return { ok: true, type, address }
    })
}

/** The check of a y-websocket frame (the bridge authenticates from the URL, so no Auth here). */
export function checkYWebsocketFrame(frame: Uint8Array): FrameCheck {
  return checked(() => {
    const decoder = decoding.createDecoder(frame)
    const type = readVarUint(decoder, 'message type')
    readBody(decoder, type, Y_WEBSOCKET_TYPES)
    expectEnd(decoder)
    return { ok: true, type, address: null }
  })
}

/**
 * True when a frame the server sends is Hocuspocus's "authenticated" answer. Reads only the header,
 * so watching outgoing frames until the first one costs next to nothing.
 */
export function isAuthenticatedAnswer(frame: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(frame)
    readString(decoder, 'document address', Number.POSITIVE_INFINITY)
    return (
      readVarUint(decoder, 'message type') === MessageType.Auth &&
      readVarUint(decoder, 'auth type') === AuthMessageType.Authenticated
    )
  } catch {
    return false
  }
}

const COLLAB_TYPES: ReadonlySet<number> = new Set([
  MessageType.Sync,
  MessageType.SyncReply,
  MessageType.Awareness,
  MessageType.QueryAwareness,
  MessageType.Stateless,
  MessageType.CLOSE,
])

const Y_WEBSOCKET_TYPES: ReadonlySet<number> = new Set([
  MessageType.Sync,
  MessageType.Awareness,
  MessageType.QueryAwareness,
])

function checked(read: () => FrameCheck): FrameCheck {
  try {
    return read()
  } catch (error) {
    if (error instanceof FrameProblem) return { ok: false, problem: error.message }
    // Yjs or lib0 failing on the bytes is the same finding: the frame is not a message.
    return { ok: false, problem: `undecodable: ${(error as Error).message}` }
  }
}

function readBody(decoder: decoding.Decoder, type: number, allowed: ReadonlySet<number>): void {
  if (!allowed.has(type)) throw new FrameProblem(`message type ${type} is not one a client sends`)
  switch (type) {
    case MessageType.Sync:
    case MessageType.SyncReply:
      readSyncBody(decoder)
      return
    case MessageType.Awareness:
      readAwarenessUpdate(readBytes(decoder, 'awareness update'))
      return
    case MessageType.Stateless:
      readString(decoder, 'stateless payload', MAX_STATELESS_BYTES)
      return
    case MessageType.QueryAwareness:
    case MessageType.CLOSE:
      return
  }
}

function readSyncBody(decoder: decoding.Decoder): void {
  const syncType = readVarUint(decoder, 'sync message type')
  if (syncType === SYNC_STEP_1) {
    readStateVector(readBytes(decoder, 'state vector'))
    return
  }
  if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) {
    throw new FrameProblem(`sync message type ${syncType} is not 0, 1 or 2`)
  }
  const update = readBytes(decoder, 'Yjs update')
  try {
    Y.decodeUpdate(update)
  } catch (error) {
    throw new FrameProblem(`the Yjs update does not decode: ${(error as Error).message}`)
  }
}

function readStateVector(bytes: Uint8Array): void {
  const decoder = decoding.createDecoder(bytes)
  const clients = readVarUint(decoder, 'state vector length')
  for (let i = 0; i < clients; i++) {
    readVarUint(decoder, 'state vector client')
    readVarUint(decoder, 'state vector clock')
  }
  expectEnd(decoder, 'state vector')
}

function readAwarenessUpdate(bytes: Uint8Array): void {
  const decoder = decoding.createDecoder(bytes)
  const states = readVarUint(decoder, 'awareness client count')
  for (let i = 0; i < states; i++) {
    readVarUint(decoder, 'awareness client id')
    readVarUint(decoder, 'awareness clock')
    const json = readString(decoder, 'awareness state', Number.POSITIVE_INFINITY)
    try {
      JSON.parse(json)
    } catch {
      throw new FrameProblem('an awareness state is not JSON')
    }
  }
  expectEnd(decoder, 'awareness update')
}

function readAuthBody(decoder: decoding.Decoder): void {
  const authType = readVarUint(decoder, 'auth type')
  if (authType !== AuthMessageType.Token) {
    throw new FrameProblem(`auth message type ${authType} is not a token (${AuthMessageType.Token})`)
  }
  readString(decoder, 'token', Number.POSITIVE_INFINITY)
  if (decoding.hasContent(decoder)) readString(decoder, 'provider version', MAX_ADDRESS_BYTES)
}

function readVarUint(decoder: decoding.Decoder, what: string): number {
  if (!decoding.hasContent(decoder)) throw new FrameProblem(`ends before the ${what}`)
  const value = decoding.readVarUint(decoder)
  if (!Number.isSafeInteger(value)) throw new FrameProblem(`${what} is out of range`)
  return value
}

function readBytes(decoder: decoding.Decoder, what: string, max = Number.POSITIVE_INFINITY): Uint8Array {
  const length = readVarUint(decoder, `${what} length`)
  if (length > max) throw new FrameProblem(`${what} is ${length} bytes; at most ${max}`)
  const left = decoder.arr.byteLength - decoder.pos
  if (length > left) throw new FrameProblem(`${what} claims ${length} bytes but ${left} follow`)
  return decoding.readUint8Array(decoder, length)
}

function readString(decoder: decoding.Decoder, what: string, maxBytes: number): string {
  const bytes = readBytes(decoder, what, maxBytes)
  try {
    return strictUtf8.decode(bytes)
  } catch {
    throw new FrameProblem(`${what} is not UTF-8`)
  }
}

function expectEnd(decoder: decoding.Decoder, what = 'message'): void {
  const left = decoder.arr.byteLength - decoder.pos
  if (left !== 0) throw new FrameProblem(`${left} unexpected bytes after the ${what}`)
}
