/**
 * Awareness (presence) limits, as a stage of the message pipeline: the JSON state of each client is at
 * most `maxStateBytes`, and one connection registers at most `maxClientsPerConnection` clients. An
 * over-limit message is never applied or relayed; its sender's socket is closed with
 * `awarenessRefused` and the reason.
 *
 * Wire format (y-protocols awareness inside a Hocuspocus message): varString document address,
 * varUint message type (1 = awareness), varUint8Array holding [varUint count, then per client varUint
 * clientID, varUint clock, varString JSON state ("null" = the client left)]. States are measured by
 * their length prefix and skipped, never decoded: checking costs O(clients), not O(bytes).
 *
 * What "registers" means: a state this connection introduces or moves forward (a clock newer than
 * the board's). A y-websocket client sends back every peer's state it receives, with the clock it
 * got, so those echoes change nothing and count for nothing; only clients a connection itself brings
 * count, and a client it sends "null" for stops counting.
 */

import type { beforeHandleMessagePayload, Connection } from '@hocuspocus/server'
import { MessageType } from '@hocuspocus/server'
import * as decoding from 'lib0/decoding'
import type { Awareness } from 'y-protocols/awareness'
import type { MessageStage } from '../extensions/message-pipeline.ts'
import type { Logger } from '../logger.ts'
import { closeReason, FLOWMAP_CLOSE } from '../protocol/close-codes.ts'

/** `null` as UTF-8: the state of a client that left. */
const NULL_STATE = [0x6e, 0x75, 0x6c, 0x6c]

export interface AwarenessLimits {
  maxStateBytes: number
  maxClientsPerConnection: number
}

/** Thrown after the sender's socket was closed, so Hocuspocus neither applies nor relays the message. */
export class AwarenessRefusedError extends Error {
  readonly code = FLOWMAP_CLOSE.awarenessRefused.code
  readonly reason: string

  constructor(reason: string) {
    // No message: Hocuspocus prints `error.message` for every hook left in its chain; this is logged once.
    super()
    this.reason = reason
  }
}

export function awarenessLimitsStage(limits: AwarenessLimits, logger: Logger): MessageStage {
  const registered = new WeakMap<Connection, Set<number>>()
  return ({ connection, document, documentName, update }: beforeHandleMessagePayload) => {
    const awareness = awarenessPayload(update)
    if (awareness === null) return
    let clients = registered.get(connection)
    if (clients === undefined) {
      clients = new Set()
      registered.set(connection, clients)
    }
    const problem = checkAwareness(awareness, document.awareness, clients, limits)
    if (problem === null) return
    const reason = closeReason(`${FLOWMAP_CLOSE.awarenessRefused.reason}: ${problem}`)
    logger.warn({ event: 'limit', limit: 'awareness', board: documentName }, reason)
    connection.webSocket.close(FLOWMAP_CLOSE.awarenessRefused.code, reason)
    throw new AwarenessRefusedError(reason)
  }
}

/** The awareness update inside a Hocuspocus message, or null for any other message. */
function awarenessPayload(message: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(message)
    decoding.readVarString(decoder)
    if (decoding.readVarUint(decoder) !== MessageType.Awareness) return null
    return decoding.readVarUint8Array(decoder)
  } catch {
    // Undecodable: not this stage's to judge (Hocuspocus refuses what it cannot read).
    return null
  }
}

/**
 * The problem with an awareness update, or null. On success `clients` (this connection's registered
 * clients) is updated; on a problem it is left as it was.
 */
export function checkAwareness(
  update: Uint8Array,
  board: Awareness,
  clients: Set<number>,
  limits: AwarenessLimits,
): string | null {
  const added: number[] = []
  const left: number[] = []
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    for (let index = 0; index < count; index++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const length = decoding.readVarUint(decoder)
      if (length > limits.maxStateBytes) {
        return `the state of client ${clientId} is ${length} bytes; at most ${limits.maxStateBytes}`
      }
      const start = decoder.pos
      if (start + length > update.byteLength) return null
      decoder.pos += length
      const knownClock = board.meta.get(clientId)?.clock ?? 0
      if (clock <= knownClock) continue
      if (isNullState(update, start, length)) left.push(clientId)
      else if (!clients.has(clientId)) {
        added.push(clientId)
        if (clients.size + added.length > limits.maxClientsPerConnection) {
          return `this connection registers more than ${limits.maxClientsPerConnection} awareness clients`
        }
      }
    }
  } catch {
    return null
  }
  for (const clientId of added) clients.add(clientId)
  for (const clientId of left) clients.delete(clientId)
  return null
}

function isNullState(bytes: Uint8Array, start: number, length: number): boolean {
  return length === NULL_STATE.length && NULL_STATE.every((byte, index) => bytes[start + index] === byte)
}
