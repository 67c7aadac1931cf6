/**
 * A refusal as the person is shown it: the server's reason (the refusal message itself is
 * @flowmap/shared's) and what the reset did on this device.
 */
export interface RefusalNotice {
  readonly reason: string
  readonly recordId: string | null
  /** Ids of the records whose local changes were dropped (the refused one and any that no longer validate). */
  readonly rolledBack: string[]
  /** Set when the changes were refused only for their size and were sent again in this many parts. */
  readonly resentInParts?: number
  /**
   * Set when the server could not store the changes (storage-unavailable): they are all kept on this
   * device and sent again after this many ms.
   */
  readonly retryInMs?: number
  /**
   * Set when no server was involved: the page is view only, and a change made on it was undone at once
   * (view-only-rollback.ts).
   */
  readonly viewOnly?: true
}
