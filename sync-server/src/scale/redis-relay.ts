/**
 * Several instances serving the same boards (REDIS_URL): Hocuspocus's Redis extension relays each
 * board's changes and presence between the instances that have it open. What it relays is already
 * validated and stored: the instance whose client sent an update validates it, commits it to the shared
 * database and only then applies it, which is what the extension publishes (its `onChange`). The other
 * instances apply it with the extension's `redis` origin, which the history extension never stores
 * again. Server-made writes (restore, import, templates, votes) are applied to the live doc on the
 * instance that makes them, so they are relayed like any change.
 *
 * Redis down: the connection retries with backoff (capped at 5 s) and each instance keeps serving its own
 * clients; what was published meanwhile is lost, so when a connection is back every open board announces
 * its state again (a SyncStep1 through the extension's own `onChange` path), the peers answer with what
 * it lacks, and the boards converge. /healthz names Redis while it is down.
 */
import { Redis } from '@hocuspocus/extension-redis'
import type { Extension, Hocuspocus, onChangePayload } from '@hocuspocus/server'
import { Redis as IORedis, type RedisOptions } from 'ioredis'
import type { Logger } from '../logger.ts'

export interface RedisRelay {
  extension: Extension
  /** Both of the relay's connections are up. */
  isReady(): boolean
  /** This instance's name in Redis (its reply channel, and the origin of what it publishes). */
  readonly instanceId: string
  close(): Promise<void>
}

export interface RedisRelayOptions {
  url: string
  logger: Logger
  /** Key and channel prefix, so that several deployments can share one Redis. */
  prefix?: string
  instanceId?: string
}

/** Backoff between reconnection attempts: 100 ms, 200 ms, … up to 5 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(100 * 2 ** Math.max(0, attempt - 1), 5_000)
}

export function createRedisRelay(options: RedisRelayOptions): RedisRelay {
  const { logger } = options
  const clientOptions: RedisOptions = {
    retryStrategy: reconnectDelayMs,
    // A command waits for the connection this many retries, then fails (the publish is dropped and
    // replaced by the announcement made on reconnect), instead of queueing without bound.
    maxRetriesPerRequest: 2,
    connectionName: 'flowmap-relay',
  }
  const clients: IORedis[] = []
  const extension = new Redis({
    prefix: options.prefix ?? 'flowmap',
    ...(options.instanceId === undefined ? {} : { identifier: options.instanceId }),
    createClient: () => {
      const client = new IORedis(options.url, clientOptions)
      clients.push(client)
      return client
    },
  })
  let instance: Hocuspocus | null = null
  let everReady = false
  let downSince: number | null = null

  const [pub, sub] = clients as [IORedis, IORedis]
  for (const [role, client] of [
    ['publisher', pub],
    ['subscriber', sub],
  ] as const) {
    client.on('error', (error: Error) => {
      // ioredis retries by itself; without a listener an error event would crash the process.
      if (downSince === null) {
        downSince = Date.now()
        logger.error({ event: 'redis', role, err: error.message }, 'Redis connection lost; retrying')
      }
    })
  }
  sub.on('ready', () => {
    // ioredis resubscribes the board channels itself; what was published while it was away is gone.
    if (everReady) announceOpenBoards()
    everReady = true
    if (downSince !== null) {
      logger.info({ event: 'redis', downMs: Date.now() - downSince }, 'Redis connection back')
      downSince = null
    }
  })

  /** Every open board announces its state, as after a change: the peers answer with what it lacks. */
  function announceOpenBoards(): void {
    if (instance === null) return
    for (const [documentName, document] of instance.documents) {
      void extension.onChange({ documentName, document, instance } as unknown as onChangePayload)
    }
  }

  const wrapped: Extension = {
    extensionName: 'flowmap-redis-relay',
    priority: extension.priority,
    onConfigure: async (payload) => {
      instance = payload.instance
      await extension.onConfigure(payload)
    },
    afterLoadDocument: (payload) => extension.afterLoadDocument(payload),
    onStoreDocument: (payload) => extension.onStoreDocument(payload),
    afterStoreDocument: (payload) => extension.afterStoreDocument(payload),
    onAwarenessUpdate: (payload) => extension.onAwarenessUpdate(payload),
    onChange: (payload) => extension.onChange(payload),
    beforeUnloadDocument: (payload) => extension.beforeUnloadDocument(payload),
    afterUnloadDocument: (payload) => extension.afterUnloadDocument(payload),
    beforeBroadcastStateless: (payload) => extension.beforeBroadcastStateless(payload),
  }

  return {
    extension: wrapped,
    instanceId: extension.configuration.identifier,
    isReady: () => pub.status === 'ready' && sub.status === 'ready',
    close: async () => {
      await extension.onDestroy()
    },
  }
}
