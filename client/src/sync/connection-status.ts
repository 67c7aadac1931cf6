/**
 * What the status chip shows: whether the board is connected, and how many local changes the server
 * has not acknowledged yet. The state comes from the provider, whose `unsyncedChanges` counts Yjs
 * updates (+1 per update sent, -1 per acknowledgement, reset to 1 when a handshake starts and 0 once it
 * is acknowledged); the count shown is the session's, of records a person changed (pending-changes.ts).
 */
import { WebSocketStatus } from '@hocuspocus/provider'

export type ConnectionState = 'offline' | 'connecting' | 'syncing' | 'online'

export interface ConnectionStatus {
  readonly state: ConnectionState
  /**
   * Local changes not yet acknowledged by the server. From deriveConnectionStatus: the provider's
   * update count; from the board session: the records changed here (pending-changes.ts).
   */
  readonly unsyncedChanges: number
}

export const OFFLINE: ConnectionStatus = { state: 'offline', unsyncedChanges: 0 }

export interface ProviderSnapshot {
  readonly socket: WebSocketStatus
  /** The first sync handshake since the socket opened has completed. */
  readonly handshakeDone: boolean
  readonly unsyncedChanges: number
  /** The browser's own view (navigator.onLine); absent where there is none (Node). */
  readonly browserOnline?: boolean
}

export function deriveConnectionStatus(snapshot: ProviderSnapshot): ConnectionStatus {
  const { socket, handshakeDone, unsyncedChanges, browserOnline } = snapshot
  // With no network, retry attempts would flash "connecting" every few seconds: say offline.
  if (browserOnline === false && socket !== WebSocketStatus.Connected)
    return { state: 'offline', unsyncedChanges }
  switch (socket) {
    case WebSocketStatus.Disconnected:
      return { state: 'offline', unsyncedChanges }
    case WebSocketStatus.Connecting:
      return { state: 'connecting', unsyncedChanges }
    case WebSocketStatus.Connected:
      return { state: handshakeDone && unsyncedChanges === 0 ? 'online' : 'syncing', unsyncedChanges }
    default: {
      const unexpected: never = socket
      throw new Error(`unknown socket status ${String(unexpected)}`)
    }
  }
}

export function sameConnectionStatus(a: ConnectionStatus, b: ConnectionStatus): boolean {
  return a.state === b.state && a.unsyncedChanges === b.unsyncedChanges
}

/** The chip's words for a status, e.g. "Syncing (3 changes not yet saved)". */
export function describeConnectionStatus(status: ConnectionStatus): string {
  const pending =
    status.unsyncedChanges === 0
      ? ''
      : ` (${status.unsyncedChanges} change${status.unsyncedChanges === 1 ? '' : 's'} not yet on the server)`
  switch (status.state) {
    case 'offline':
      return `Offline: edits are kept on this device${pending}`
    case 'connecting':
      return `Connecting${pending}`
    case 'syncing':
      return `Syncing${pending}`
    case 'online':
      return 'Online: all changes saved'
    default: {
      const unexpected: never = status.state
      throw new Error(`unknown connection state ${String(unexpected)}`)
    }
  }
}
