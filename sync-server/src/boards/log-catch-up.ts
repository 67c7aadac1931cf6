/**
 * A board's state at a stored seq, exact with several instances. A snapshot or checkpoint says "this is
 * the board through seq N", and loading applies only the entries after N; so the state written must hold
 * every entry up to N. One instance's live doc does, in the board's turn. With several instances on one
 * database it may not: an entry another instance committed reaches this one through Redis a moment
 * later. So before a snapshot or checkpoint, in the board's turn, the live doc catches up from the log:
 * every entry after the last seq it is known to hold is applied (most are already there, and applying
 * them again changes nothing), and then the doc is known to hold everything through the last seq read.
 */
import { type DocOrigin, isDocOrigin } from '@flowmap/shared'
import type { Document } from '@hocuspocus/server'
import * as Y from 'yjs'
import type { MessageStage } from '../extensions/message-pipeline.ts'
import type { AsyncBoardStorage } from '../storage/async-board-storage.ts'
import type { BoardShadows } from './board-shadows.ts'
import type { BoardTurns } from './board-turns.ts'

/** Entries applied from the history log: already stored, so never appended again. */
export const LOG_ORIGIN: DocOrigin = Object.freeze({ source: 'storage' })

export function isFromLog(origin: unknown): boolean {
  return isDocOrigin(origin) && origin.source === 'storage'
}

const PAGE = 1000

export class LogCatchUp {
  readonly #storage: AsyncBoardStorage
  readonly #shadows: BoardShadows
  readonly #peers: boolean
  /** Per live doc: the seq through which it is known to hold every entry. */
  readonly #held = new WeakMap<Document, number>()

  /**
   * `peers`: other instances write the same database. Without them the doc, in the board's turn, holds
   * every stored entry already, and nothing is read back.
   */
  constructor(storage: AsyncBoardStorage, shadows: BoardShadows, peers: boolean) {
    this.#storage = storage
    this.#shadows = shadows
    this.#peers = peers
  }

  /** The doc was loaded from storage through `seq`. */
  loaded(document: Document, seq: number): void {
    this.#held.set(document, seq)
  }

  /**
   * Applies to `document` and its shadow every entry after the seq it is known to hold (the caller
   * holds the board's turn); answers the seq the doc now holds everything through.
   */
  async holdThroughLast(document: Document, boardId: string): Promise<number> {
    if (!this.#peers) return this.#storage.lastSeq(boardId)
    let seq = this.#held.get(document) ?? 0
    for (;;) {
      const page = await this.#storage.readHistory(boardId, { afterSeq: seq, limit: PAGE })
      if (page.length === 0) break
      const merged = Y.mergeUpdates(page.map((entry) => entry.update))
      // The shadow first: the validation that may follow in this turn must see what the live doc holds.
      this.#shadows.get(document)?.follow(merged)
      Y.applyUpdate(document, merged, LOG_ORIGIN)
      seq = page[page.length - 1]!.seq
    }
    this.#held.set(document, seq)
    return seq
  }
}

/**
 * Message stage, with several instances: before the server answers a connection's first sync message,
 * the board catches up from the log. A client failing over from a killed instance holds what that
 * instance stored and showed it but never relayed (its own edits and other people's); the server's
 * state vector, sent in answer to the client's SyncStep1, must already include them, or the client's
 * SyncStep2 would carry other people's structs, which are refused as written under foreign client IDs.
 * An update message holds the board's turn already (message-pipeline.ts); a SyncStep1 takes it here.
 */
export function catchUpStage(catchUp: LogCatchUp, turns: BoardTurns): MessageStage {
  const caughtUp = new WeakSet<object>()
  return async ({ connection, document, documentName }, incoming) => {
    if (caughtUp.has(connection)) return
    if (incoming.kind === 'update') {
      caughtUp.add(connection)
      await catchUp.holdThroughLast(document, documentName)
    } else if (incoming.kind === 'no-content' && incoming.syncRequest) {
      caughtUp.add(connection)
      await turns.run(documentName, () => catchUp.holdThroughLast(document, documentName))
    }
  }
}
