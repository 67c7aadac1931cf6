/**
 * What a facilitator does to live connections, and who is connected, on every instance: a role change or a removal
 * (boards/apply-member-change.ts) and the closing of a deleted board's sockets act on the connections of
 * the instance that took the request, and, published on one Redis channel, on those of every other
 * instance too. (Hocuspocus's own `closeConnections` and connection counts see one instance only.)
 * The stored change (membership, deletion) is written before the event is published, so an instance
 * that misses the event still refuses the person at their next connection. Each instance's people list
 * of a board travels on the same channel (people-elsewhere.ts).
 */
import type { MemberChange } from '@flowmap/shared'
import { Redis as IORedis } from 'ioredis'
import type { Logger } from '../logger.ts'
import { reconnectDelayMs } from './redis-relay.ts'

export type BoardEvent =
  | { type: 'member-change'; boardId: string; userId: string; change: MemberChange }
  | { type: 'board-deleted'; boardId: string; reason: string }
  /** An instance's own people list of a board, an encoded people message (scale/people-elsewhere.ts). */
  | { type: 'people'; boardId: string; list: string }

export interface BoardEvents {
  /** Tells the other instances; the caller acts on its own connections itself. */
  publish(event: BoardEvent): void
  close(): Promise<void>
}

export interface RedisBoardEventsOptions {
  url: string
  instanceId: string
  logger: Logger
  /** Acts on this instance's connections, for an event another instance (`origin`) published. */
  apply(event: BoardEvent, origin: string): void | Promise<void>
  prefix?: string
}

const MEMBER_CHANGES: readonly string[] = ['editor', 'viewer', 'removed']

/** An event as published, or null for anything else on the channel (never trusted further). */
export function readBoardEvent(text: string): { origin: string; event: BoardEvent } | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const { origin, event } = value as { origin?: unknown; event?: Record<string, unknown> }
  if (typeof origin !== 'string' || typeof event !== 'object' || event === null) return null
  if (typeof event.boardId !== 'string') return null
  if (event.type === 'member-change') {
    if (typeof event.userId !== 'string' || !MEMBER_CHANGES.includes(event.change as string)) return null
    return {
      origin,
      event: {
        type: 'member-change',
        boardId: event.boardId,
        userId: event.userId,
        change: event.change as MemberChange,
      },
    }
  }
  if (event.type === 'board-deleted' && typeof event.reason === 'string') {
    return { origin, event: { type: 'board-deleted', boardId: event.boardId, reason: event.reason } }
  }
  if (event.type === 'people' && typeof event.list === 'string') {
    return { origin, event: { type: 'people', boardId: event.boardId, list: event.list } }
  }
  return null
}

export function redisBoardEvents(options: RedisBoardEventsOptions): BoardEvents {
  const { logger, instanceId } = options
  const channel = `${options.prefix ?? 'flowmap'}#board-events`
  const clientOptions = {
    retryStrategy: reconnectDelayMs,
    maxRetriesPerRequest: 2,
    connectionName: 'flowmap-events',
  }
  const pub = new IORedis(options.url, clientOptions)
  const sub = new IORedis(options.url, clientOptions)
  // ioredis retries by itself; the relay logs the outage (redis-relay.ts).
  pub.on('error', () => {})
  sub.on('error', () => {})
  void sub.subscribe(channel).catch((error: Error) => {
    logger.error({ event: 'redis', err: error.message }, 'board events: subscribe failed')
  })
  sub.on('message', (from: string, text: string) => {
    if (from !== channel) return
    const read = readBoardEvent(text)
    if (read === null || read.origin === instanceId) return
    Promise.resolve(options.apply(read.event, read.origin)).catch((error: unknown) => {
      logger.error({ event: 'error', board: read.event.boardId, err: error }, 'board event failed')
    })
  })
  return {
    publish: (event) => {
      pub.publish(channel, JSON.stringify({ origin: instanceId, event })).catch((error: Error) => {
        // Stored already: the other instances apply it at the person's next connection.
        logger.warn({ event: 'redis', board: event.boardId, err: error.message }, 'board event not published')
      })
    },
    close: async () => {
      pub.disconnect(false)
      sub.disconnect(false)
    },
  }
}
