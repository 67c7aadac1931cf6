/**
 * Whether storage is taking writes: the last write failure and its cause, cleared by the next write
 * that succeeds. Nothing here retries or probes: the next real write (a client's resend, a snapshot,
 * a checkpoint) finds out whether the disk has room again, so the server recovers with no restart.
 * /healthz answers 503 with the failure's reason while there is one.
 */
import type { StorageFailureCause, StorageWriteError } from './storage-error.ts'

export interface StorageFailure {
  cause: StorageFailureCause
  /** For a person: what failed and why ("could not store the append: the disk … is full"). */
  reason: string
  /** ms since the epoch of the first failure in this run of failures */
  since: number
}

export class StorageHealth {
  #failure: StorageFailure | null = null

  /** The current failure; null while writes succeed. */
  failure(): StorageFailure | null {
    return this.#failure
  }

  recordFailure(error: StorageWriteError, now: number = Date.now()): void {
    this.#failure = { cause: error.failure, reason: error.message, since: this.#failure?.since ?? now }
  }

  recordSuccess(): void {
    this.#failure = null
  }
}
