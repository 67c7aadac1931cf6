/**
 * GET /api/boards/:id/insights: the workflow analysis of a board (ownership, handoffs, bottlenecks,
 * critical path, automation, the four-Cs scorecard), the same `analyzeWorkflow` the Insights panel
 * runs, computed from storage. Same access rules as the other board routes: anyone who may open the
 * board may read it.
 */
import type { IncomingMessage } from 'node:http'
import { analyzeWorkflow, readRecords, readRoles, toWorkflowGraph } from '@flowmap/shared'
import { loadBoardDoc } from '../boards/load-board.ts'
import type { BoardRoutesContext, RouteResult } from './board-routes.ts'
import { findReadableBoard } from './request-auth.ts'

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
    const contributors = context.storage.contributorCount(boardId)
    const insights = analyzeWorkflow(toWorkflowGraph(readRecords(doc), readRoles(doc)), { contributors })
    return { status: 200, body: { boardId, seq, contributors, insights } }
  } finally {
    doc.destroy()
  }
}
