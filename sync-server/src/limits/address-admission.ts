/**
 * Per-address limits on WebSocket upgrades: attempts (a token bucket per address: a burst, then so many
 * per minute) and open sockets. Checked before the WebSocket handshake, so a refused attempt costs a
 * short HTTP answer and no per-socket state; per board, the /yjs path names its board and is checked
 * here too (/collab names boards inside the socket: see board-connection-limit.ts).
 *
 * Memory: one small entry per address seen; entries with no open socket and a full bucket are the
 * same as no entry and are swept once a minute.
 */
import { TokenBucket } from './token-bucket.ts'

export interface AddressLimits {
  connectionAttemptsPerMinute: number
  connectionAttemptBurst: number
  maxConnectionsPerAddress: number
  maxConnectionsPerBoard: number
}

export type Admission =
  | { ok: true; release: () => void }
  | {
      ok: false
      status: 429 | 503
      error: string
      message: string
      retryAfterSeconds: number | null
      /** The first refusal since this address was last admitted (the one worth logging). */
      firstOfRun: boolean
    }

type Refusal = Omit<Extract<Admission, { ok: false }>, 'ok' | 'firstOfRun'>

interface AddressEntry {
  attempts: TokenBucket
  open: number
  /** Set by a refusal, cleared by an admission: a run of refusals is logged once. */
  refusing: boolean
}

const SWEEP_EVERY_MS = 60_000

export class AddressAdmission {
  readonly #limits: AddressLimits
  readonly #boardConnections: (board: string) => number
  readonly #entries = new Map<string, AddressEntry>()
  #sweptAt = performance.now()

  /** `boardConnections` answers how many connections a board has open now. */
  constructor(limits: AddressLimits, boardConnections: (board: string) => number) {
    this.#limits = limits
    this.#boardConnections = boardConnections
  }

  /** One upgrade from `address` (to `board` when its path names one). */
  admit(address: string, board: string | null): Admission {
    const now = performance.now()
    this.#sweep(now)
    const entry = this.#entryFor(address, now)
    const refusal = this.#refusalFor(address, board, entry, now)
    if (refusal !== null) {
      const firstOfRun = !entry.refusing
      entry.refusing = true
      return { ok: false, ...refusal, firstOfRun }
    }
    entry.refusing = false
    entry.open++
    let released = false
    return {
      ok: true,
      release: () => {
        if (released) return
        released = true
        entry.open--
      },
    }
  }

  #refusalFor(address: string, board: string | null, entry: AddressEntry, now: number): Refusal | null {
    const limits = this.#limits
    if (entry.attempts.tokensAt(now) < 1) {
      return {
        status: 429,
        error: 'too-many-connection-attempts',
        message: `too many connection attempts from ${address}: at most ${limits.connectionAttemptBurst} at once, then ${limits.connectionAttemptsPerMinute} a minute`,
        retryAfterSeconds: Math.max(1, Math.ceil(entry.attempts.msUntil(1, now) / 1000)),
      }
    }
    entry.attempts.take(1, now)
    if (entry.open >= limits.maxConnectionsPerAddress) {
      return {
        status: 429,
        error: 'too-many-connections',
        message: `${address} has ${entry.open} open connections; at most ${limits.maxConnectionsPerAddress}`,
        retryAfterSeconds: null,
      }
    }
    const open = board === null ? 0 : this.#boardConnections(board)
    if (board !== null && open >= limits.maxConnectionsPerBoard) {
      return {
        status: 503,
        error: 'too-many-connections',
        message: `board ${board} has ${open} open connections; at most ${limits.maxConnectionsPerBoard}`,
        retryAfterSeconds: null,
      }
    }
    return null
  }

  #entryFor(address: string, now: number): AddressEntry {
    let entry = this.#entries.get(address)
    if (entry === undefined) {
      entry = {
        attempts: new TokenBucket({
          capacity: this.#limits.connectionAttemptBurst,
          perSecond: this.#limits.connectionAttemptsPerMinute / 60,
          now,
        }),
        open: 0,
        refusing: false,
      }
      this.#entries.set(address, entry)
    }
    return entry
  }

  #sweep(now: number): void {
    if (now - this.#sweptAt < SWEEP_EVERY_MS) return
    this.#sweptAt = now
    for (const [address, entry] of this.#entries) {
      if (entry.open === 0 && entry.attempts.tokensAt(now) >= entry.attempts.capacity) {
        this.#entries.delete(address)
      }
    }
  }
}
