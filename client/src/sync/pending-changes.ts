/**
 * The chip's count of changes not yet on the server, as a person counts them: the records they changed
 * (three steps added and one renamed is 4), not the provider's count of Yjs updates sent (a drag alone
 * sends dozens; it said 35 for 3 actions). Kept on the device next to the board, so a reload while
 * offline still says how many changes are waiting. Cleared when the server has acknowledged everything.
 */

/** Where the ids are kept between page loads; null keeps them for this page only. */
export interface PendingChangesStore {
  load(boardId: string): readonly string[]
  save(boardId: string, recordIds: readonly string[]): void
}

export class PendingChanges {
  readonly #boardId: string
  readonly #store: PendingChangesStore | null
  readonly #ids: Set<string>

  constructor(boardId: string, store: PendingChangesStore | null) {
    this.#boardId = boardId
    this.#store = store
    this.#ids = new Set(store?.load(boardId) ?? [])
  }

  get count(): number {
    return this.#ids.size
  }

  /** Records a local change to these records; writes to the device only when one is new. */
  add(recordIds: Iterable<string>): void {
    const before = this.#ids.size
    for (const id of recordIds) this.#ids.add(id)
    if (this.#ids.size !== before) this.#store?.save(this.#boardId, [...this.#ids])
  }

  /** The server has acknowledged every change. */
  clear(): void {
    if (this.#ids.size === 0) return
    this.#ids.clear()
    this.#store?.save(this.#boardId, [])
  }
}

const KEY_PREFIX = 'flowmap:unsynced-records:'

/**
 * The browser's localStorage: synchronous, so the count is right on the first paint after a reload,
 * and small (record ids only). Written when the set grows or empties, not on every keystroke. A
 * storage that throws (full, disabled) keeps the count for this page only.
 */
export function localStoragePendingChanges(storage: Storage): PendingChangesStore {
  return {
    load(boardId) {
      try {
        const parsed: unknown = JSON.parse(storage.getItem(KEY_PREFIX + boardId) ?? '[]')
        return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : []
      } catch {
        return []
      }
    },
    save(boardId, recordIds) {
      try {
        if (recordIds.length === 0) storage.removeItem(KEY_PREFIX + boardId)
        else storage.setItem(KEY_PREFIX + boardId, JSON.stringify(recordIds))
      } catch {
        // Not kept across a reload; the count on this page stays right.
      }
    },
  }
}
