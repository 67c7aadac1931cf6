/**
 * GET /api/boards/:id/insights: the workflow analysis (`analyzeWorkflow`) computed from storage, and the
 * number of distinct people in the board's history; and GET /api/boards/:id/contributors, that number
 * alone, which is all the Insights panel asks (it analyses its own copy of the board). Of the insights
 * only the envelope is validated here.
 */
import { T } from '@tldraw/validate'
import type { WorkflowInsights } from '../analysis/analyze.ts'
import type { SimulationSummary } from '../analysis/token-flow/simulate-lead-time.ts'
import { type BodyRead, readBody } from './http-body-read.ts'

export type InsightsBody = {
  boardId: string
  seq: number
  contributors: number
  insights: WorkflowInsights
  /**
   * Monte Carlo lead time of the board as stored, for a fixed seed (so the same board version always
   * answers the same figures): `cases` is fewer on a big map, to keep the answer quick.
   */
  simulation: SimulationSummary
}

const insightsEnvelope = T.object({
  boardId: T.string,
  seq: T.positiveInteger,
  contributors: T.positiveInteger,
  insights: T.object({}).allowUnknownProperties(),
}).allowUnknownProperties()

/** The analysis itself is passed through unchecked: the client shows its own. */
export type InsightsEnvelope = Omit<InsightsBody, 'insights' | 'simulation'> & { insights: object }

export function readInsightsBody(json: unknown): BodyRead<InsightsEnvelope> {
  return readBody(insightsEnvelope, json, 'the insights (GET /api/boards/:id/insights)')
}

/** GET /api/boards/:id/contributors: distinct people in the board's history, at the stored version `seq`. */
export type ContributorsBody = Pick<InsightsBody, 'boardId' | 'seq' | 'contributors'>

const contributorsBody = T.object({
  boardId: T.string,
  seq: T.positiveInteger,
  contributors: T.positiveInteger,
}).allowUnknownProperties()

export function readContributorsBody(json: unknown): BodyRead<ContributorsBody> {
  return readBody(contributorsBody, json, 'the contributors (GET /api/boards/:id/contributors)')
}
