import { WebSocketStatus } from '@hocuspocus/provider'
import { describe, expect, it } from 'vitest'
import { deriveConnectionStatus, describeConnectionStatus } from './connection-status.ts'
import { parseRefusalMessage } from './refusal-message.ts'

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

describe('refusal message', () => {
  it('reads the server refusal and ignores other stateless messages', () => {
    expect(
      parseRefusalMessage('{"type":"rejected","reason":"step shape:a: bad","recordId":"shape:a"}'),
    ).toEqual({
      type: 'rejected',
      reason: 'step shape:a: bad',
      recordId: 'shape:a',
      code: null,
      limit: null,
    })
    // A refusal for size says the limit, so the client can send its changes in parts that fit.
    expect(
      parseRefusalMessage(
        '{"type":"rejected","code":"too-large","reason":"too big","recordId":null,"limit":8388608}',
      ),
    ).toMatchObject({ code: 'too-large', limit: 8388608 })
    expect(parseRefusalMessage('{"type":"rejected","code":"too-large","limit":-3}')?.limit).toBeNull()
    expect(parseRefusalMessage('{"type":"rejected","recordId":null}')?.reason).toMatch(/without a reason/)
    expect(parseRefusalMessage('{"type":"presence"}')).toBeNull()
    expect(parseRefusalMessage('not json')).toBeNull()
  })
})
