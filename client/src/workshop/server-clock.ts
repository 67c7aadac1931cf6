/**
 * This page's estimate of the server's clock, for the workshop timer (whose times in the doc are the
 * server's). Once the board has synced, the page sends a short round of clock requests and keeps the
 * answer with the shortest round trip (@flowmap/shared's workshop/clock-offset.ts says why); it asks
 * again every few minutes and after each reconnection, since a laptop's clock drifts and a long sleep
 * can step it. Until the first answer the page does not know the server's time: `serverNow()` is null.
 */
import {
  bestClockOffset,
  CLOCK_ANSWER_TYPE,
  type ClockOffset,
  type ClockSample,
  encodeClockRequest,
  parseStatelessMessage,
} from '@flowmap/shared'
import type { HocuspocusProvider } from '@hocuspocus/provider'

export interface ServerClockOptions {
  /** @default Date.now */
  now?: () => number
  /** requests per round; the best of them is kept @default 5 */
  samplesPerRound?: number
  /** between the requests of a round, so one congested moment does not spoil all of them @default 250 */
  spacingMs?: number
  /** between rounds @default 300_000 */
  refreshMs?: number
}

/** Samples kept: the last two rounds, so a newer round replaces a stale one without forgetting it at once. */
const KEPT_SAMPLES = 10
/** Requests not answered are forgotten beyond this many (a dropped socket never answers them). */
const MAX_PENDING = 20

export class ServerClock {
  private readonly now: () => number
  private readonly options: Required<Omit<ServerClockOptions, 'now'>>
  private readonly pending = new Map<number, number>()
  private samples: ClockSample[] = []
  private best: ClockOffset | null = null
  private nextId = 1
  private readonly listeners = new Set<() => void>()
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()
  private readonly refresh: ReturnType<typeof setInterval>
  private readonly stopListening: () => void

  private readonly provider: HocuspocusProvider

  constructor(provider: HocuspocusProvider, options: ServerClockOptions = {}) {
    this.provider = provider
    this.now = options.now ?? (() => Date.now())
    this.options = {
      samplesPerRound: options.samplesPerRound ?? 5,
      spacingMs: options.spacingMs ?? 250,
      refreshMs: options.refreshMs ?? 300_000,
    }
    const onStateless = ({ payload }: { payload: string }) => this.read(payload)
    const onSynced = ({ state }: { state: boolean }) => {
      if (state) this.startRound()
    }
    provider.on('stateless', onStateless)
    provider.on('synced', onSynced)
    this.stopListening = () => {
      provider.off('stateless', onStateless)
      provider.off('synced', onSynced)
    }
    this.refresh = setInterval(() => this.startRound(), this.options.refreshMs)
    if (provider.synced) this.startRound()
  }

  /** The offset and its error bound (half the round trip), or null before the first answer. */
  offset(): ClockOffset | null {
    return this.best
  }

  /** The server's time now, as this page estimates it; null before the first answer. */
  serverNow(): number | null {
    return this.best === null ? null : this.now() + this.best.offsetMs
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    this.stopListening()
    clearInterval(this.refresh)
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    this.listeners.clear()
  }

  private startRound(): void {
    for (let i = 0; i < this.options.samplesPerRound; i++) {
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        this.ask()
      }, i * this.options.spacingMs)
      this.timers.add(timer)
    }
  }

  private ask(): void {
    // Asked only on a synced connection: a request queued behind a reconnect would measure the queue.
    if (!this.provider.synced) return
    const id = this.nextId++
    this.pending.set(id, this.now())
    if (this.pending.size > MAX_PENDING) {
      const oldest = this.pending.keys().next().value
      if (oldest !== undefined) this.pending.delete(oldest)
    }
    this.provider.sendStateless(encodeClockRequest(id))
  }

  private read(payload: string): void {
    const parsed = parseStatelessMessage(payload)
    if (!parsed.ok || parsed.message.type !== CLOCK_ANSWER_TYPE) return
    const { id, serverTime } = parsed.message
    const sentAt = this.pending.get(id)
    if (sentAt === undefined) return
    this.pending.delete(id)
    this.samples = [...this.samples, { sentAt, receivedAt: this.now(), serverTime }].slice(-KEPT_SAMPLES)
    const best = bestClockOffset(this.samples)
    if (best?.offsetMs === this.best?.offsetMs && best?.roundTripMs === this.best?.roundTripMs) return
    this.best = best
    for (const listener of this.listeners) listener()
  }
}
