/**
 * When to send changes again after the server could not store them (`storage-unavailable`: a full
 * disk, a lost database file). Nothing in the changes is wrong, so none is dropped; they wait on the
 * device and go again later, each wait about twice the one before, up to a ceiling, so a failing
 * server is not hammered by every open tab at once. The jitter (a wait is half to all of its step)
 * spreads tabs that were refused together.
 */
export interface StorageRetryDelays {
  /** The first wait, ms. */
  readonly firstMs: number
  /** The longest wait, ms. */
  readonly maxMs: number
}

export const DEFAULT_STORAGE_RETRY_DELAYS: StorageRetryDelays = { firstMs: 1000, maxMs: 30_000 }

/** The wait before retry number `attempt` (0 for the first), in ms. */
export function storageRetryDelay(
  attempt: number,
  delays: StorageRetryDelays = DEFAULT_STORAGE_RETRY_DELAYS,
  random: () => number = Math.random,
): number {
  const step = Math.min(delays.maxMs, delays.firstMs * 2 ** Math.min(attempt, 30))
  return Math.round(step * (0.5 + random() / 2))
}
