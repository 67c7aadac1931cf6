/**
 * A token bucket: `capacity` tokens (the burst allowance), refilled at `perSecond`. Taking may drive it
 * below zero (a message larger than the whole burst must still be deliverable once); the debt is paid
 * back by the refill before anything else is taken.
 */
export class TokenBucket {
  readonly capacity: number
  readonly perSecond: number
  #tokens: number
  #updatedAt: number

  constructor(options: { capacity: number; perSecond: number; now: number }) {
    this.capacity = options.capacity
    this.perSecond = options.perSecond
    this.#tokens = options.capacity
    this.#updatedAt = options.now
  }

  /** The tokens available at `now` (negative while in debt). */
  tokensAt(now: number): number {
    const elapsed = Math.max(0, now - this.#updatedAt)
    this.#tokens = Math.min(this.capacity, this.#tokens + (elapsed / 1000) * this.perSecond)
    this.#updatedAt = now
    return this.#tokens
  }

  take(cost: number, now: number): void {
    this.#tokens = this.tokensAt(now) - cost
  }

  /** Milliseconds from `now` until the bucket holds `level` tokens (0 when it already does). */
  msUntil(level: number, now: number): number {
    const missing = level - this.tokensAt(now)
    return missing <= 0 ? 0 : (missing / this.perSecond) * 1000
  }
}
