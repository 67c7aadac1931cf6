/**
 * The Monte Carlo lead-time summary that `GET /api/boards/:id/insights` and the JSON export carry: the
 * board as stored, a fixed seed, and a case count that shrinks on big maps so a request stays quick.
 */
import { type InsightsBody, simulationSummary, type WorkflowGraph } from '@flowmap/shared'
import type { AsyncBoardStorage } from '../storage/async-board-storage.ts'

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

/** Recent summaries per storage, by board and stored version: a repeated request does not run again. */
const summaries = new WeakMap<object, Map<string, Simulated>>()
const SUMMARIES_KEPT = 64

export function storedSimulationSummary(
  storage: AsyncBoardStorage,
  boardId: string,
  seq: number,
  graph: WorkflowGraph,
): Simulated {
  let kept = summaries.get(storage)
  if (kept === undefined) {
    kept = new Map()
    summaries.set(storage, kept)
  }
  const key = `${boardId}@${seq}`
  const known = kept.get(key)
  if (known !== undefined) return known
  const cases = summaryCases(graph.nodes.length)
  const summary = {
    ...simulationSummary(graph, { cases, seed: INSIGHTS_SIMULATION_SEED }),
    seed: INSIGHTS_SIMULATION_SEED,
  }
  kept.set(key, summary)
  if (kept.size > SUMMARIES_KEPT) kept.delete(kept.keys().next().value!)
  return summary
}
