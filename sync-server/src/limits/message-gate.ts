/**
 * Back-pressure for one WebSocket: its messages reach the server at most at the budgeted rate of
 * messages and bytes (each a token bucket with a burst allowance).
 *
 * Why hold messages instead of refusing them: nothing an honest client sends may be dropped (a
 * dropped update would never be acknowledged), and refusing a burst would punish a facilitator's paste
 * or the parts of a long offline session. So a socket over budget is *slowed*:
 *   1. The message waits in this gate's queue and the TCP socket stops being read (`ws.pause()`), so
 *      the kernel's receive window fills and the sender is slowed by TCP itself; the event loop is
 *      free for everyone else. The queue holds only what `ws` had already read (a chunk or one frame).
 *   2. When the buckets have refilled, queued messages are delivered in order and reading resumes.
 *   3. Only a socket whose backlog cannot be paid back within `closeAfterMs`, or that stays over budget
 *      (its buckets never refill to half) for longer than that, is closed with `rateLimited` and the
 *      reason: its sender keeps sending faster than the budget, so its backlog would grow without bound.
 */
import type { Logger } from '../logger.ts'
import { closeReason, FLOWMAP_CLOSE } from '../protocol/close-codes.ts'
import { TokenBucket } from './token-bucket.ts'

export interface SocketBudget {
  messagesPerSecond: number
  messageBurst: number
  bytesPerSecond: number
  byteBurst: number
  /** How long a socket may stay over budget before it is closed. */
  closeAfterMs: number
}

/** The part of a `ws` WebSocket the gate drives. */
export interface GatedSocket {
  pause(): void
  resume(): void
  close(code: number, reason: string): void
  terminate(): void
}

interface Held {
  args: unknown[]
  bytes: number
}

/** How long a socket closed for its rate may take to answer the close before it is cut off. */
const CLOSE_GRACE_MS = 1000

export class MessageGate {
  readonly #socket: GatedSocket
  readonly #budget: SocketBudget
  readonly #deliver: (args: unknown[]) => void
  readonly #logger: Logger
  readonly #messages: TokenBucket
  readonly #bytes: TokenBucket
  #queue: Held[] = []
  #queuedBytes = 0
  #timer: ReturnType<typeof setTimeout> | null = null
  #paused = false
  #overBudgetSince: number | null = null
  #stopped = false

  constructor(options: {
    socket: GatedSocket
    budget: SocketBudget
    deliver: (args: unknown[]) => void
    logger: Logger
    now?: number
  }) {
    this.#socket = options.socket
    this.#budget = options.budget
    this.#deliver = options.deliver
    this.#logger = options.logger
    const now = options.now ?? performance.now()
    this.#messages = new TokenBucket({
      capacity: options.budget.messageBurst,
      perSecond: options.budget.messagesPerSecond,
      now,
    })
    this.#bytes = new TokenBucket({
      capacity: options.budget.byteBurst,
      perSecond: options.budget.bytesPerSecond,
      now,
    })
  }

  /** A message `ws` emitted: delivered now when within budget, else held (in order). */
  admit(args: unknown[]): void {
    if (this.#stopped) return
    const bytes = byteLengthOf(args[0])
    this.#queue.push({ args, bytes })
    this.#queuedBytes += bytes
    if (this.#timer === null) this.#drain()
  }

  /** The socket closed: nothing held is delivered any more. */
  stop(): void {
    this.#stopped = true
    this.#queue = []
    this.#queuedBytes = 0
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
  }

  #drain(): void {
    this.#timer = null
    const now = performance.now()
    this.#forgiveIfRefilled(now)
    while (this.#queue.length > 0 && !this.#stopped) {
      const wait = Math.max(this.#messages.msUntil(0, now), this.#bytes.msUntil(0, now))
      if (wait > 0) {
        this.#holdBack(now, wait)
        return
      }
      const held = this.#queue.shift() as Held
      this.#queuedBytes -= held.bytes
      this.#messages.take(1, now)
      this.#bytes.take(held.bytes, now)
      this.#deliver(held.args)
    }
    if (this.#paused && !this.#stopped) {
      this.#paused = false
      this.#socket.resume()
    }
  }

  #holdBack(now: number, wait: number): void {
    this.#overBudgetSince ??= now
    const backlogMs = Math.max(
      ((this.#queue.length - this.#messages.tokensAt(now)) / this.#budget.messagesPerSecond) * 1000,
      ((this.#queuedBytes - this.#bytes.tokensAt(now)) / this.#budget.bytesPerSecond) * 1000,
    )
    const overFor = now - this.#overBudgetSince
    if (backlogMs > this.#budget.closeAfterMs || overFor > this.#budget.closeAfterMs) {
      this.#closeForRate(backlogMs > this.#budget.closeAfterMs ? 'backlog' : 'sustained')
      return
    }
    if (!this.#paused) {
      this.#paused = true
      this.#socket.pause()
    }
    // Wake for the next message, or when the allowance runs out, whichever is first.
    const untilClose = this.#budget.closeAfterMs - overFor + 1
    this.#timer = setTimeout(() => this.#drain(), Math.min(wait, untilClose))
  }

  /** A socket counts as back within budget once its buckets have refilled to half. */
  #forgiveIfRefilled(now: number): void {
    if (this.#overBudgetSince === null) return
    if (this.#messages.tokensAt(now) < this.#budget.messageBurst / 2) return
    if (this.#bytes.tokensAt(now) < this.#budget.byteBurst / 2) return
    this.#overBudgetSince = null
  }

  #closeForRate(why: 'backlog' | 'sustained'): void {
    const { messagesPerSecond, bytesPerSecond, closeAfterMs } = this.#budget
    const detail =
      why === 'backlog'
        ? `more queued than ${messagesPerSecond} msg/s or ${bytesPerSecond} B/s serves in ${closeAfterMs} ms`
        : `over ${messagesPerSecond} msg/s or ${bytesPerSecond} B/s for ${closeAfterMs} ms`
    const reason = closeReason(`${FLOWMAP_CLOSE.rateLimited.reason}: ${detail}`)
    this.#logger.warn(
      { event: 'limit', limit: 'socket-rate', queued: this.#queue.length, queuedBytes: this.#queuedBytes },
      reason,
    )
    this.stop()
    // Paused for good: the flood is not read any more. The close frame still goes out, so the sender
    // learns why; a sender that does not answer it (its answer is not read) is cut off shortly after.
    if (!this.#paused) {
      this.#paused = true
      this.#socket.pause()
    }
    this.#socket.close(FLOWMAP_CLOSE.rateLimited.code, reason)
    setTimeout(() => this.#socket.terminate(), CLOSE_GRACE_MS).unref()
  }
}

function byteLengthOf(data: unknown): number {
  if (Array.isArray(data)) return data.reduce((total: number, part: Buffer) => total + part.byteLength, 0)
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength
  if (typeof data === 'string') return Buffer.byteLength(data)
  return 0
}
