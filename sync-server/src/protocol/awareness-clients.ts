/**
 * Reads which Yjs client IDs a Hocuspocus awareness message shows a presence for, without parsing the
 * states: varString document address, varUint message type (1, Awareness), then a varUint8Array holding
 * the y-protocols awareness update: varUint count, and per client varUint client ID, varUint clock,
 * varString state (JSON; "null" when the client is gone).
 */
import { MessageType } from '@hocuspocus/server'
import * as decoding from 'lib0/decoding'

const NULL_STATE = new TextEncoder().encode('null')

/** Client IDs with a present (non-null) state; empty for any other or malformed message. */
export function presentAwarenessClients(message: Uint8Array): number[] {
  try {
    const decoder = decoding.createDecoder(message)
    decoding.readVarString(decoder)
    if (decoding.readVarUint(decoder) !== MessageType.Awareness) return []
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
    const present: number[] = []
    for (let count = decoding.readVarUint(update); count > 0; count--) {
      const clientId = decoding.readVarUint(update)
      decoding.readVarUint(update)
      // A view of the bytes, not a decoded string: only "null" matters here.
      const state = decoding.readVarUint8Array(update)
      if (!isNullState(state)) present.push(clientId)
    }
    return present
  } catch {
    return []
  }
}

function isNullState(state: Uint8Array): boolean {
  return state.length === NULL_STATE.length && state.every((byte, index) => byte === NULL_STATE[index])
}
