/**
 * Reads the Yjs update out of a raw Hocuspocus message, before Hocuspocus applies it.
 *
 * Wire format (Hocuspocus over y-protocols): varString document address, varUint message type.
 * Types 0 (Sync) and 4 (SyncReply) carry a y-protocols sync message: varUint sync type, then for
 * 1 (SyncStep2) and 2 (Update) a varUint8Array holding a V1 update. SyncStep2 matters as much as
 * Update: it carries what a client made offline. Everything else (awareness, auth, stateless) changes
 * no document content.
 */
import { MessageType } from '@hocuspocus/server'
import * as decoding from 'lib0/decoding'

const SYNC_STEP_1 = 0
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

export type IncomingMessage =
  | { kind: 'update'; update: Uint8Array }
  /** `syncRequest`: the message is a client's SyncStep1 (its state vector), answered with what it lacks. */
  | { kind: 'no-content'; syncRequest: boolean }
  | { kind: 'malformed'; reason: string }

export function readIncomingMessage(message: Uint8Array): IncomingMessage {
  try {
    const decoder = decoding.createDecoder(message)
    decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    if (type !== MessageType.Sync && type !== MessageType.SyncReply) {
      return { kind: 'no-content', syncRequest: false }
    }
    const syncType = decoding.readVarUint(decoder)
    if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) {
      return { kind: 'no-content', syncRequest: syncType === SYNC_STEP_1 }
    }
    return { kind: 'update', update: decoding.readVarUint8Array(decoder) }
  } catch (error) {
    return { kind: 'malformed', reason: `not a Yjs sync message: ${(error as Error).message}` }
  }
}
