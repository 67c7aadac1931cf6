/**
 * GET /api/boards/:id/insights: the workflow analysis of a board (ownership, handoffs, bottlenecks,
 * critical path, automation, the four-Cs scorecard), the same `analyzeWorkflow` the Insights panel
 * runs, computed from storage. Same access rules as the other board routes: anyone who may open the
 * board may read it.
 */
import type { IncomingMessage } from 'node:http'
import { analyzeWorkflow, readRecords, readRoles, toWorkflowGraph } from '@flowmap/shared'
import { loadBoardDoc } from '../boards/load-board.ts'
import type { BoardStorage } from '../storage/board-storage.ts'
import type { BoardRoutesContext, RouteResult } from './board-routes.ts'
import { findReadableBoard } from './request-auth.ts'

/** Reads the log in pages so a long history never sits in memory whole. */
const HISTORY_PAGE = 1000

export async function getBoardInsights(
  context: BoardRoutesContext,
  request: IncomingMessage,
  boardId: string,
): Promise<RouteResult> {
  const found = await findReadableBoard(
    { authSecret: context.config.authSecret, storage: context.storage },
    request,
    boardId,
  )
  if ('problem' in found) return found
  const { doc, seq } = loadBoardDoc(context.storage, boardId)
  try {
    const contributors = contributorsOf(context.storage, boardId)
    const insights = analyzeWorkflow(toWorkflowGraph(readRecords(doc), readRoles(doc)), { contributors })
    return { status: 200, body: { boardId, seq, contributors, insights } }
  } finally {
    doc.destroy()
  }
}

/** Distinct people whose updates the board's history holds (server-made changes excluded). */
export function contributorsOf(storage: BoardStorage, boardId: string): number {
  const people = new Set<string>()
  for (let after = 0; ; ) {
    const page = storage.readHistory(boardId, { afterSeq: after, limit: HISTORY_PAGE })
    for (const entry of page) if (entry.userId !== null) people.add(entry.userId)
    if (page.length < HISTORY_PAGE) return people.size
    after = page[page.length - 1]!.seq
  }
}
