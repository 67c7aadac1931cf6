/**
 * Whether storage is taking writes: the last failure of each kind of write and its cause, cleared by
 * the next write of that kind that succeeds. A successful history append clears everything: it is the
 * write acknowledgements wait for, and it needs room like any other. A small write succeeding (a
 * snapshot that fits a page already there) proves nothing about the next append, so it clears only
 * its own kind.
 *
 * Nothing here retries or probes: the next real write (a client's resend, a snapshot, a checkpoint)
 * finds out whether the disk has room again, so the server recovers with no restart. /healthz answers
 * 503 with the failure's reason while there is one.
 */
import type { StorageFailureCause, StorageWriteError } from './storage-error.ts'

export interface StorageFailure {
  cause: StorageFailureCause
  /** What was being written: 'append', 'checkpoint', 'snapshot', 'board', 'named version'. */
  operation: string
  /** For a person: what failed and why ("append not stored: the disk holding the database is full (…)"). */
  reason: string
  /** ms since the epoch of the first failure of this kind in a row */
  since: number
  /** ms since the epoch of the latest failure */
  at: number
}

export class StorageHealth {
  readonly #failures = new Map<string, StorageFailure>()

  /**
   * The failure to report: the append's when appends fail (that is what refuses edits), else the newest
   * not yet cleared; null while writes succeed.
   */
  failure(): StorageFailure | null {
    const append = this.#failures.get('append')
    if (append !== undefined) return append
    let newest: StorageFailure | null = null
    for (const failure of this.#failures.values())
      if (newest === null || failure.at >= newest.at) newest = failure
    return newest
  }

  recordFailure(error: StorageWriteError, now: number = Date.now()): void {
    const since = this.#failures.get(error.operation)?.since ?? now
    this.#failures.set(error.operation, {
      cause: error.failure,
      operation: error.operation,
      reason: error.message,
      since,
      at: now,
    })
  }

  /**
   * Forgets the failures of one cause, when something other than a write proved it gone: Postgres
   * answering again clears "unreachable" without waiting for the next edit.
   */
  clearCause(cause: StorageFailureCause): void {
    for (const [operation, failure] of this.#failures)
      if (failure.cause === cause) this.#failures.delete(operation)
  }

  recordSuccess(operation: string): void {
    if (this.#failures.size === 0) return
    if (operation === 'append') this.#failures.clear()
    else this.#failures.delete(operation)
  }
}
