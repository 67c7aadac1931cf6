/**
 * GET /api/boards/:id/history/at?seq=N: the board as it was right after history entry N (default: the
 * latest), rebuilt from the nearest stored checkpoint at or before N plus the entries between (never
 * from the beginning when a checkpoint exists). Answers the content in the typed model (records, roles,
 * board fields) and the Yjs state, so tools can diff, export or restore a past moment.
 */
import { readBoard, readRecords, readRoles, rebuildDoc, replayEntry } from '@flowmap/shared'
import * as Y from 'yjs'
import { problem } from './json-response.ts'
import type { BoardRequest, Route, RouteResult } from './route.ts'

async function boardAt({
  context: { storage },
  board: { id: boardId },
  query,
}: BoardRequest): Promise<RouteResult> {
  const lastSeq = await storage.lastSeq(boardId)
  const raw = query.get('seq')
  const seq = raw === null || raw === '' ? lastSeq : Number(raw)
  if (!Number.isInteger(seq) || seq < 0 || seq > lastSeq) {
    return problem(
      400,
      'invalid-seq',
      `seq must be an integer from 0 to ${lastSeq} (the board's last), got "${raw}"`,
    )
  }
  const checkpoint = await storage.checkpointAtOrBefore(boardId, seq)
  const from = checkpoint?.seq ?? 0
  const tail = seq > from ? await storage.readHistory(boardId, { afterSeq: from, limit: seq - from }) : []
  const doc = rebuildDoc(checkpoint ?? null, tail.map(replayEntry))
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

export const historyAtRoute: Route = {
  method: 'GET',
  path: '/api/boards/:boardId/history/at',
  access: 'read',
  answer: boardAt,
}
