import { describe, expect, it } from 'vitest'
import { configFromEnv, defaultServerConfig } from '../config.ts'

describe('limits from the environment', () => {
  it('reads every limit variable into its config field', () => {
    const result = configFromEnv({
      FLOWMAP_SOCKET_MESSAGES_PER_SECOND: '50',
      FLOWMAP_SOCKET_MESSAGE_BURST: '100',
      FLOWMAP_SOCKET_BYTES_PER_SECOND: '1048576',
      FLOWMAP_SOCKET_BYTE_BURST: '4194304',
      FLOWMAP_SOCKET_THROTTLE_CLOSE_AFTER_MS: '5000',
      FLOWMAP_CONNECTION_ATTEMPTS_PER_MINUTE: '120',
      FLOWMAP_CONNECTION_ATTEMPT_BURST: '300',
      FLOWMAP_MAX_CONNECTIONS_PER_ADDRESS: '400',
      FLOWMAP_MAX_CONNECTIONS_PER_BOARD: '500',
      FLOWMAP_MAX_AWARENESS_STATE_BYTES: '16384',
      FLOWMAP_MAX_AWARENESS_CLIENTS_PER_CONNECTION: '2',
      FLOWMAP_TRUST_PROXY: '1',
    })
    expect(result).toMatchObject({
      ok: true,
      config: {
        socketMessagesPerSecond: 50,
        socketMessageBurst: 100,
        socketBytesPerSecond: 1048576,
        socketByteBurst: 4194304,
        socketThrottleCloseAfterMs: 5000,
        connectionAttemptsPerMinute: 120,
        connectionAttemptBurst: 300,
        maxConnectionsPerAddress: 400,
        maxConnectionsPerBoard: 500,
        maxAwarenessStateBytes: 16384,
        maxAwarenessClientsPerConnection: 2,
        trustProxy: 1,
      },
    })
  })

  it('keeps the defaults when unset and names each bad value', () => {
    const unset = configFromEnv({})
    expect(unset.ok && unset.config.maxConnectionsPerAddress).toBe(
      defaultServerConfig.maxConnectionsPerAddress,
    )
    expect(configFromEnv({ FLOWMAP_TRUST_PROXY: 'yes', FLOWMAP_SOCKET_MESSAGE_BURST: '0' })).toEqual({
      ok: false,
      errors: [
        'FLOWMAP_SOCKET_MESSAGE_BURST must be a whole number of at least 1 messages, got "0"',
        'FLOWMAP_TRUST_PROXY must be a whole number of at least 0 proxies, got "yes"',
      ],
    })
  })
})
