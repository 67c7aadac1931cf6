/**
 * GET /api/boards/:id/insights: the workflow analysis of a board (ownership, handoffs, bottlenecks,
 * critical path, automation, the four-Cs scorecard, value-stream metrics, the derived RACI matrix, AI
 * and automation governance), the same `analyzeWorkflow` the Insights panel runs, computed from
 * storage, for anyone who may open the board; and a Monte Carlo lead-time summary for a fixed seed.
 */
import { analyzeWorkflow, type InsightsBody, readRecords, readRoles, toWorkflowGraph } from '@flowmap/shared'
import { loadBoardDoc } from '../boards/load-board.ts'
import type { BoardRequest, Route, RouteResult } from './route.ts'
import { storedSimulationSummary } from './simulation-summary.ts'

async function boardInsights({
  context: { storage },
  board: { id: boardId },
}: BoardRequest): Promise<RouteResult<InsightsBody>> {
  const { doc, seq } = await loadBoardDoc(storage, boardId)
  try {
    const contributors = await storage.contributorCount(boardId)
    const graph = toWorkflowGraph(readRecords(doc), readRoles(doc))
    const insights = analyzeWorkflow(graph, { contributors })
    const simulation = storedSimulationSummary(storage, boardId, seq, graph)
    return { status: 200, body: { boardId, seq, contributors, insights, simulation } }
  } finally {
    doc.destroy()
  }
}

export const insightsRoute: Route = {
  method: 'GET',
  path: '/api/boards/:boardId/insights',
  access: 'read',
  answer: boardInsights,
}
