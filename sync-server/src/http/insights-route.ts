/**
 * GET /api/boards/:id/insights: the workflow analysis of a board (ownership, handoffs, bottlenecks,
 * critical path, automation, the four-Cs scorecard, value-stream metrics, the derived RACI matrix, AI
 * and automation governance), the same `analyzeWorkflow` the Insights panel runs, computed from
 * storage, for anyone who may open the board; and a Monte Carlo lead-time summary for a fixed seed.
 * Both are kept per stored version (stored-analysis.ts): a repeated request loads nothing and runs nothing.
 *
 * GET /api/boards/:id/contributors: only the contributor count, from two storage reads, for the
 * Insights panel's scorecard (the panel analyses its own copy of the board).
 */
import type { ContributorsBody, InsightsBody } from '@flowmap/shared'
import { analyseStoredBoard } from './analyse-stored-board.ts'
import type { BoardRequest, Route, RouteResult } from './route.ts'
import { keptAnalysis, storedVersion } from './stored-analysis.ts'

async function boardInsights({
  context: { storage },
  board,
}: BoardRequest): Promise<RouteResult<InsightsBody>> {
  const boardId = board.id
  const version = await storedVersion(storage, boardId)
  const known = keptAnalysis(storage, board, version)
  const { seq, contributors, analysis } =
    known === undefined ? await analyseStoredBoard(storage, board) : { ...version, analysis: known }
  return { status: 200, body: { boardId, seq, contributors, ...analysis } }
}

export const insightsRoute: Route = {
  method: 'GET',
  path: '/api/boards/:boardId/insights',
  access: 'read',
  answer: boardInsights,
}

async function boardContributors({
  context: { storage },
  board: { id: boardId },
}: BoardRequest): Promise<RouteResult<ContributorsBody>> {
  const { seq, contributors } = await storedVersion(storage, boardId)
  return { status: 200, body: { boardId, seq, contributors } }
}

export const contributorsRoute: Route = {
  method: 'GET',
  path: '/api/boards/:boardId/contributors',
  access: 'read',
  answer: boardContributors,
}
