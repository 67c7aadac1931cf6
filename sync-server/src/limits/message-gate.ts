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
 *      (never a second without a message that had to wait) for longer than that, is closed with
 *      `rateLimited` and the reason: it keeps sending faster than its budget, so its backlog (held here
 *      and in TCP buffers) would grow without bound.
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

/** How long a socket must send nothing that has to wait to count as back within budget. */
const QUIET_MS = 1000

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
  /** When the last hold ended (everything held was delivered); null while one is going on. */
  #holdEndedAt: number | null = null
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
    else this.#closeIfOverTooLong(performance.now())
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
    this.#forgiveAfterQuiet(now)
    while (this.#queue.length > 0 && !this.#stopped) {
      // A message larger than the whole byte burst waits for a full bucket, then goes into debt.
      const head = this.#queue[0] as Held
      const wait = Math.max(
        this.#messages.msUntil(1, now),
        this.#bytes.msUntil(Math.min(head.bytes, this.#budget.byteBurst), now),
      )
      if (wait > 0) {
        this.#holdBack(now, wait)
        return
      }
      this.#queue.shift()
      this.#queuedBytes -= head.bytes
      this.#messages.take(1, now)
      this.#bytes.take(head.bytes, now)
      this.#deliver(head.args)
    }
    if (this.#stopped) return
    if (this.#overBudgetSince !== null && this.#holdEndedAt === null) this.#holdEndedAt = now
    if (this.#paused) {
      this.#paused = false
      this.#socket.resume()
    }
  }

  #holdBack(now: number, wait: number): void {
    this.#overBudgetSince ??= now
    this.#holdEndedAt = null
    if (this.#closeIfOverTooLong(now)) return
    if (!this.#paused) {
      this.#paused = true
      this.#socket.pause()
    }
    // Wake for the next message, or when the allowance runs out, whichever is first.
    const untilClose = this.#budget.closeAfterMs - (now - this.#overBudgetSince) + 1
    this.#timer = setTimeout(() => this.#drain(), Math.min(wait, untilClose))
  }

  /** Closes (and answers true) a held socket whose backlog or time over budget is past the allowance. */
  #closeIfOverTooLong(now: number): boolean {
    if (this.#overBudgetSince === null || this.#stopped) return false
    const { messagesPerSecond, bytesPerSecond, closeAfterMs } = this.#budget
    const backlogMs = Math.max(
      ((this.#queue.length - this.#messages.tokensAt(now)) / messagesPerSecond) * 1000,
      ((this.#queuedBytes - this.#bytes.tokensAt(now)) / bytesPerSecond) * 1000,
    )
    if (backlogMs > closeAfterMs) this.#closeForRate('backlog')
    else if (now - this.#overBudgetSince > closeAfterMs) this.#closeForRate('sustained')
    else return false
    return true
  }

  /**
   * A socket is back within budget once nothing it sent had to wait for QUIET_MS. A flooder's next
   * chunk arrives right after reading resumes, so its time over budget keeps counting; a busy honest
   * client held now and then starts afresh each time.
   */
  #forgiveAfterQuiet(now: number): void {
    if (this.#holdEndedAt === null || now - this.#holdEndedAt < QUIET_MS) return
    this.#overBudgetSince = null
    this.#holdEndedAt = null
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
