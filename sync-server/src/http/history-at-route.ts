/**
 * GET /api/boards/:id/history/at?seq=N: the board as it was right after history entry N (default: the
 * latest), rebuilt from the nearest stored checkpoint at or before N plus the entries between (never
 * from the beginning when a checkpoint exists). Answers the content in the typed model (records, roles,
 * board fields) and the Yjs state, so tools can diff, export or restore a past moment.
 */
import type { IncomingMessage } from 'node:http'
import { readBoard, readRecords, readRoles, rebuildDoc } from '@flowmap/shared'
import * as Y from 'yjs'
import type { ServerConfig } from '../config.ts'
import type { BoardStorage } from '../storage/board-storage.ts'
import type { RouteResult } from './board-routes.ts'
import { problem } from './json-response.ts'
import { decodePathSegment } from './path-decoding.ts'
import { findReadableBoard } from './request-auth.ts'

export interface HistoryAtRoute {
  /** The board id when `path` is /api/boards/:id/history/at, else null. */
  match(path: string): string | null
  handle(request: IncomingMessage, boardId: string, query: URLSearchParams): Promise<RouteResult>
}

const HISTORY_AT_PATH = /^\/api\/boards\/([^/]+)\/history\/at\/?$/

export function createHistoryAtRoute(context: {
  config: ServerConfig
  storage: BoardStorage
}): HistoryAtRoute {
  const access = { authSecret: context.config.authSecret, storage: context.storage }

  async function handle(
    request: IncomingMessage,
    boardId: string,
    query: URLSearchParams,
  ): Promise<RouteResult> {
    if ((request.method ?? 'GET') !== 'GET') return problem(405, 'method-not-allowed', 'use GET')
    const found = await findReadableBoard(access, request, boardId)
    if ('problem' in found) return found
    const lastSeq = context.storage.lastSeq(boardId)
    const raw = query.get('seq')
    const seq = raw === null || raw === '' ? lastSeq : Number(raw)
    if (!Number.isInteger(seq) || seq < 0 || seq > lastSeq) {
      return problem(
        400,
        'invalid-seq',
        `seq must be an integer from 0 to ${lastSeq} (the board's last), got "${raw}"`,
      )
    }
    const checkpoint = context.storage.checkpointAtOrBefore(boardId, seq)
    const from = checkpoint?.seq ?? 0
    const tail = seq > from ? context.storage.readHistory(boardId, { afterSeq: from, limit: seq - from }) : []
    const doc = rebuildDoc(
      checkpoint ?? null,
      tail.map((entry) => ({ ...entry, userId: entry.userId ?? 'server', clientId: entry.clientId ?? 0 })),
    )
    try {
      return {
        status: 200,
        body: {
          boardId,
          seq,
          time: seq === 0 ? null : new Date((tail.at(-1) ?? checkpoint)!.time).toISOString(),
          rebuiltFrom: { checkpointSeq: checkpoint?.seq ?? null, entriesApplied: tail.length },
          board: readBoard(doc),
          roles: readRoles(doc),
          records: readRecords(doc),
          state: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'),
        },
      }
    } finally {
      doc.destroy()
    }
  }

  return {
    match: (path) => {
      const found = HISTORY_AT_PATH.exec(path)
      return found === null ? null : decodePathSegment(found[1]!)
    },
    handle,
  }
}
