import { WebSocketStatus } from '@hocuspocus/provider'
import { describe, expect, it } from 'vitest'
import { deriveConnectionStatus, describeConnectionStatus } from './connection-status.ts'

describe('connection status', () => {
  it('is syncing until the handshake is done and every local change is acknowledged', () => {
    const connected = { socket: WebSocketStatus.Connected }
    expect(deriveConnectionStatus({ ...connected, handshakeDone: false, unsyncedChanges: 1 }).state).toBe(
      'syncing',
    )
    expect(deriveConnectionStatus({ ...connected, handshakeDone: true, unsyncedChanges: 2 }).state).toBe(
      'syncing',
    )
    expect(deriveConnectionStatus({ ...connected, handshakeDone: true, unsyncedChanges: 0 }).state).toBe(
      'online',
    )
  })

  it('keeps counting local changes while offline and says so', () => {
    const status = deriveConnectionStatus({
      socket: WebSocketStatus.Disconnected,
      handshakeDone: false,
      unsyncedChanges: 3,
    })
    expect(status).toEqual({ state: 'offline', unsyncedChanges: 3 })
    expect(describeConnectionStatus(status)).toBe(
      'Offline: edits are kept on this device (3 changes not yet on the server)',
    )
  })

  it('says offline while the browser has no network, even between retry attempts', () => {
    const retrying = { socket: WebSocketStatus.Connecting, handshakeDone: false, unsyncedChanges: 2 }
    expect(deriveConnectionStatus({ ...retrying, browserOnline: false }).state).toBe('offline')
    expect(deriveConnectionStatus({ ...retrying, browserOnline: true }).state).toBe('connecting')
  })
})
