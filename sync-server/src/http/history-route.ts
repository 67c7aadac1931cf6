/**
 * GET /api/boards/:id/history?after=SEQ&limit=N: one page of the board's log, entries after `after`
 * (default 0), at most `limit` (1–1000, default 100), with every checkpoint's seq and time.
 */
import type { HistoryEntryJson, HistoryPageBody } from '@flowmap/shared'
import type { StoredHistoryEntry } from '../storage/board-storage.ts'
import { problem } from './json-response.ts'
import type { BoardRequest, Route, RouteResult } from './route.ts'

const DEFAULT_HISTORY_LIMIT = 100
const MAX_HISTORY_LIMIT = 1000

async function historyPage({ context, board, query }: BoardRequest): Promise<RouteResult<HistoryPageBody>> {
  const boardId = board.id
  const after = integerParam(query, 'after', 0, 0, Number.MAX_SAFE_INTEGER)
  if (typeof after === 'string') return problem(400, 'invalid-after', after)
  const limit = integerParam(query, 'limit', DEFAULT_HISTORY_LIMIT, 1, MAX_HISTORY_LIMIT)
  if (typeof limit === 'string') return problem(400, 'invalid-limit', limit)
  // One extra row says whether another page exists without a COUNT query.
  const rows = await context.storage.readHistory(boardId, { afterSeq: after, limit: limit + 1 })
  const checkpoints = await context.storage.listCheckpoints(boardId)
  const entries = rows.slice(0, limit)
  const last = entries[entries.length - 1]
  return {
    status: 200,
    body: {
      boardId,
      entries: entries.map(historyEntryJson),
      hasMore: rows.length > limit,
      nextAfter: last === undefined ? null : last.seq,
      checkpoints: checkpoints.map((checkpoint) => ({
        seq: checkpoint.seq,
        time: new Date(checkpoint.time).toISOString(),
      })),
    },
  }
}

export const historyRoute: Route = {
  method: 'GET',
  path: '/api/boards/:boardId/history',
  access: 'read',
  answer: historyPage,
}

/** The stored entry as the API sends it (the one place this conversion is written). */
export function historyEntryJson(entry: StoredHistoryEntry): HistoryEntryJson {
  return {
    seq: entry.seq,
    time: new Date(entry.time).toISOString(),
    userId: entry.userId,
    userName: entry.userName,
    clientId: entry.clientId,
    update: Buffer.from(entry.update).toString('base64'),
  }
}

function integerParam(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number | string {
  const raw = query.get(name)
  if (raw === null || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    return `${name} must be an integer from ${min} to ${max}, got "${raw}"`
  }
  return value
}
