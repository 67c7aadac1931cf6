import type { WorkflowGraph } from '../../graph/workflow-graph.ts'
import { type FlowModel, flowModel } from './flow-model.ts'
import { type LeadTimeSummary, summariseLeadTimes } from './lead-time-summary.ts'
import { createSimulationRun, type SimulationRunOptions, type SimulationRunResult } from './simulation-run.ts'

export type LeadTimeSimulation = SimulationRunResult & LeadTimeSummary

export type SimulationProgress = { casesDone: number; cases: number }

export type SimulateLeadTimeOptions = SimulationRunOptions & {
  /** Called between chunks and once at the end. */
  onProgress?: (progress: SimulationProgress) => void
  /** Checked between chunks: once aborted, the run stops and answers what it has (`cancelled: true`). */
  signal?: AbortSignal
}

/** Events run between two looks at the signal: a few milliseconds of work, so Cancel answers at once. */
export const SIMULATION_CHUNK_EVENTS = 20_000

/** The Monte Carlo lead-time simulation, all at once (for the server and tests; see simulation-run.ts). */
export function runLeadTimeSimulation(model: FlowModel, options: SimulationRunOptions): LeadTimeSimulation {
  const run = createSimulationRun(model, options)
  while (!run.advance(SIMULATION_CHUNK_EVENTS)) {}
  return withSummary(run.result(false))
}

/**
 * The Monte Carlo lead-time simulation in chunks, giving the event loop a turn between them so a
 * worker hears a cancel and the page sees progress. Deterministic for a seed whatever the chunks.
 */
export async function simulateLeadTime(
  model: FlowModel,
  options: SimulateLeadTimeOptions,
): Promise<LeadTimeSimulation> {
  const run = createSimulationRun(model, options)
  for (;;) {
    if (options.signal?.aborted) return withSummary(run.result(true))
    const done = run.advance(SIMULATION_CHUNK_EVENTS)
    options.onProgress?.({ casesDone: run.casesDone, cases: options.cases })
    if (done) return withSummary(run.result(false))
    await new Promise<void>((resolve) => setTimeout(() => resolve(), 0))
  }
}

/** What GET /api/boards/:id/insights carries: the summary of a fixed run, without the lead times. */
export type SimulationSummary = Omit<LeadTimeSimulation, 'leadTimes'>

export const SUMMARY_RUN = { cases: 1000, seed: 1 } as const

/**
 * Events a summary may run: a server answers it on a request, so the work is bounded whatever the map.
 * Case count alone does not bound it: on a map whose rework loop is always taken every case runs to
 * MAX_CASE_VISITS (1,000 such cases took half a second); the budget is tens of milliseconds on the 2-core machine.
 */
export const SUMMARY_MAX_EVENTS = 20 * SIMULATION_CHUNK_EVENTS

/**
 * A fixed-seed simulation of the board's map for the insights route and the JSON export. A run that
 * spends its event budget stops there and says so (`cancelled`, `cases` below `requestedCases`).
 */
export function simulationSummary(
  graph: WorkflowGraph,
  options: Pick<SimulationRunOptions, 'cases' | 'seed'> = SUMMARY_RUN,
  maxEvents: number = SUMMARY_MAX_EVENTS,
): SimulationSummary {
  const run = createSimulationRun(flowModel(graph), options)
  let done = false
  for (let spent = 0; !done && spent < maxEvents; spent += SIMULATION_CHUNK_EVENTS) {
    done = run.advance(SIMULATION_CHUNK_EVENTS)
  }
  const { leadTimes: _left, ...summary } = withSummary(run.result(!done))
  return summary
}

function withSummary(result: SimulationRunResult): LeadTimeSimulation {
  return { ...result, ...summariseLeadTimes(result.leadTimes) }
}
