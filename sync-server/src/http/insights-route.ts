/**
 * GET /api/boards/:id/insights: the workflow analysis of a board (ownership, handoffs, bottlenecks,
 * critical path, automation, the four-Cs scorecard), the same `analyzeWorkflow` the Insights panel
 * runs, computed from storage, for anyone who may open the board.
 */
import { analyzeWorkflow, type InsightsBody, readRecords, readRoles, toWorkflowGraph } from '@flowmap/shared'
import { loadBoardDoc } from '../boards/load-board.ts'
import type { Route, RouteContext, RouteResult } from './route.ts'

export function insightsRoute(context: RouteContext): Route {
  return {
    method: 'GET',
    path: '/api/boards/:boardId/insights',
    access: 'read',
    handle: ({ board: { id: boardId } }): RouteResult<InsightsBody> => {
      const { doc, seq } = loadBoardDoc(context.storage, boardId)
      try {
        const contributors = context.storage.contributorCount(boardId)
        const insights = analyzeWorkflow(toWorkflowGraph(readRecords(doc), readRoles(doc)), {
          contributors,
        })
        return { status: 200, body: { boardId, seq, contributors, insights } }
      } finally {
        doc.destroy()
      }
    },
  }
}
