/**
 * The Monte Carlo lead-time summary that `GET /api/boards/:id/insights` and the JSON export carry: the
 * board as stored, a fixed seed, and a case count that shrinks on big maps so a request stays quick.
 * It is kept per stored version with the rest of the analysis (stored-analysis.ts).
 */
import { type InsightsBody, simulationSummary, type WorkflowGraph } from '@flowmap/shared'

/** The seed of the summary: one board version always answers the same figures. */
export const INSIGHTS_SIMULATION_SEED = 1

/**
 * Cases simulated for the summary: 1,000, fewer on a big map (the run is about linear in cases × nodes),
 * never below 50 — a request on a 5,000-node map costs about what 1,000 cases on 250 nodes do.
 */
export function summaryCases(nodeCount: number): number {
  return Math.max(50, Math.min(1000, Math.floor(250_000 / Math.max(1, nodeCount))))
}

export type Simulated = InsightsBody['simulation']

/** The summary of a graph: `summaryCases` cases for `INSIGHTS_SIMULATION_SEED`. */
export function insightsSimulation(graph: WorkflowGraph): Simulated {
  const cases = summaryCases(graph.nodes.length)
  return {
    ...simulationSummary(graph, { cases, seed: INSIGHTS_SIMULATION_SEED }),
    seed: INSIGHTS_SIMULATION_SEED,
  }
}
