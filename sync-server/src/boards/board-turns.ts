/**
 * One change at a time per board: whoever changes a board's content (an update from a connection, a
 * server-made write) takes the board's turn, and holds it from validation through the history commit to
 * Hocuspocus's apply. Storage commits are asynchronous (Postgres), so without turns a second update could
 * be validated against a shadow holding the first before the first is stored, and a failed commit would
 * rebuild the shadow from a live doc still missing an update committed a moment earlier. While a turn is
 * held, the shadow is exactly the live doc plus the one update in flight, as it was with synchronous
 * storage; a checkpoint or snapshot taken under a turn is the state at the last stored seq.
 *
 * Only content changes take a turn: awareness, the sync handshake's first step and stateless messages do
 * not wait for commits (and a stateless handler may itself make a server write, which takes the turn).
 */
export class BoardTurns {
  /** Per board: resolves when the last turn queued so far has ended. */
  readonly #tails = new Map<string, Promise<void>>()

  /** Waits for the board's turn; the answer ends it (once; later calls do nothing). */
  async take(board: string): Promise<() => void> {
    const previous = this.#tails.get(board) ?? Promise.resolve()
    let end: () => void = () => {}
    const ended = new Promise<void>((resolve) => {
      end = resolve
    })
    const tail = previous.then(() => ended)
    this.#tails.set(board, tail)
    await previous
    let done = false
    return () => {
      if (done) return
      done = true
      end()
      // The last turn of an idle board leaves nothing behind.
      if (this.#tails.get(board) === tail) this.#tails.delete(board)
    }
  }

  /** Runs `work` in the board's turn, ending it however `work` ends. */
  async run<T>(board: string, work: () => Promise<T> | T): Promise<T> {
    const end = await this.take(board)
    try {
      return await work()
    } finally {
      end()
    }
  }

  /** Boards with a turn held or queued (for tests and metrics). */
  get busyBoards(): number {
    return this.#tails.size
  }
}
