/**
 * The sync server as a real child process that the fuzzer stops and starts: SIGKILL (nothing gets to
 * run, so only what was durable before the acknowledgement survives) and SIGTERM (a clean close). Every
 * start reuses the data dir and the port of the first start, so clients reconnect to the same URL on
 * their own, as they would to a restarted production server.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { pendingOf } from '@flowmap/shared'
import * as Y from 'yjs'
import { loadBoardDoc } from '../boards/load-board.ts'
import { asyncStorageOf } from '../storage/async-board-storage.ts'
import { SqliteStorage } from '../storage/sqlite-storage.ts'
import { type ServerProcess, spawnServerProcess } from '../testing/server-process.ts'
import { makeDataDir } from '../testing/test-server.ts'
import type { ClockRange } from './acknowledgement-tracker.ts'

export class ServerUnderTest {
  readonly dataDir = makeDataDir()
  #port = 0
  #process: ServerProcess | null = null
  #collabUrl: string | null = null
  /** stderr of the processes that have ended, then of the running one: the server's side of a failure */
  readonly #pastStderr: string[] = []

  get collabUrl(): string {
    if (this.#collabUrl === null) throw new Error('the server has not started yet')
    return this.#collabUrl
  }

  get running(): boolean {
    return this.#process !== null
  }

  async start(): Promise<void> {
    if (this.#process !== null) throw new Error('the server is already running')
    const started = await spawnServerProcess({ DATA_DIR: this.dataDir, PORT: String(this.#port) })
    this.#process = started
    if (this.#port === 0) {
      this.#port = Number(new URL(started.url).port)
      this.#collabUrl = started.collabUrl
    } else if (started.collabUrl !== this.#collabUrl) {
      throw new Error(`the server came back at ${started.collabUrl}, not ${this.#collabUrl}`)
    }
  }

  /** Sends the signal and waits for the process to end; a SIGTERM must end with exit code 0. */
  async stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    const running = this.#process
    if (running === null) return
    running.child.kill(signal)
    const exit = await running.exited
    this.#process = null
    this.#pastStderr.push(...running.stderr, `(server ended: ${JSON.stringify(exit)})`)
    if (signal === 'SIGTERM' && exit.code !== 0) {
      throw new Error(`SIGTERM ended the server with ${JSON.stringify(exit)}:\n${running.stderr.join('\n')}`)
    }
  }

  /**
   * The board as the server's storage holds it while the server is down, rebuilt the way the server
   * loads it (snapshot or checkpoint, then the history tail). Reading storage rather than asking a
   * restarted server means no reconnecting client can mask a lost update by sending it again.
   */
  async durableBoard(boardId: string): Promise<Y.Doc> {
    if (this.#process !== null) throw new Error('read storage only while the server is down')
    const storage = asyncStorageOf(
      new SqliteStorage({ path: join(this.dataDir, 'flowmap.db'), synchronous: 'normal' }),
    )
    try {
      return (await loadBoardDoc(storage, boardId)).doc
    } finally {
      await storage.close()
    }
  }

  stderr(): string[] {
    return [...this.#pastStderr, ...(this.#process?.stderr ?? [])]
  }

  /** The last history entries as "seq 12: client 7 clocks 40..56", to tell "never stored" from "stored but not integrable". */
  historyTail(boardId: string, count: number, client?: number): string[] {
    const storage = new SqliteStorage({ path: join(this.dataDir, 'flowmap.db'), synchronous: 'normal' })
    try {
      const last = storage.lastSeq(boardId)
      const afterSeq = client === undefined ? Math.max(0, last - count) : 0
      return storage
        .readHistory(boardId, { afterSeq, limit: 100_000 })
        .filter((entry) => client === undefined || Y.parseUpdateMeta(entry.update).to.has(client))
        .slice(-count)
        .map((entry) => {
          const { from, to } = Y.parseUpdateMeta(entry.update)
          const ranges = [...to].map(([id, end]) => `client ${id} ${from.get(id)}..${end}`)
          return `seq ${entry.seq}: ${ranges.join(', ') || 'deletes only'}`
        })
    } finally {
      storage.close()
    }
  }

  async dispose(): Promise<void> {
    await this.stop('SIGKILL')
    rmSync(this.dataDir, { recursive: true, force: true })
  }
}

/**
 * The acknowledged clock ranges `durable` lacks, as "client 123: clocks 40..56 acknowledged, stored up
 * to 37". A range counts as stored when the durable doc has integrated it, or holds it as pending (stored,
 * waiting for a dependency the client has not had acknowledged yet).
 */
export function missingRanges(durable: Y.Doc, acknowledged: readonly ClockRange[]): string[] {
  const integrated = Y.decodeStateVector(Y.encodeStateVector(durable))
  const pendingMeta = pendingOf(durable)?.structs ?? null
  const missing: string[] = []
  for (const { client, from, to } of acknowledged) {
    if (to <= from || (integrated.get(client) ?? 0) >= to) continue
    const waiting =
      pendingMeta !== null &&
      (pendingMeta.from.get(client) ?? Number.POSITIVE_INFINITY) <=
        Math.max(from, integrated.get(client) ?? 0) &&
      (pendingMeta.to.get(client) ?? 0) >= to
    if (!waiting) {
      missing.push(
        `client ${client}: clocks ${from}..${to} acknowledged, stored up to ${integrated.get(client) ?? 0}`,
      )
    }
  }
  return missing
}
