/**
 * One lead-time simulation run and the messages between the page and the worker that runs it
 * (simulation-worker.ts); the page runs it itself where there is no worker (use-simulation.ts).
 */
import {
  flowModel,
  type LeadTimeSimulation,
  type Role,
  simulateLeadTime,
  toWorkflowGraph,
} from '@flowmap/shared'
import type { TLRecord } from 'tldraw'

export type SimulationRequest =
  | {
      readonly type: 'run'
      readonly records: readonly TLRecord[]
      readonly roles: readonly Role[]
      readonly cases: number
      readonly seed: number
      readonly arrivalEveryHours?: number
    }
  | { readonly type: 'cancel' }

export type SimulationAnswer =
  | { readonly type: 'progress'; readonly casesDone: number; readonly cases: number }
  | { readonly type: 'result'; readonly result: LeadTimeSimulation }
  | { readonly type: 'failed'; readonly reason: string }

/** Runs the simulation of the records' map, answering progress, then the result or a failure. */
export function runSimulation(
  request: Extract<SimulationRequest, { type: 'run' }>,
  signal: AbortSignal,
  answer: (answer: SimulationAnswer) => void,
): Promise<void> {
  const { records, roles, cases, seed, arrivalEveryHours } = request
  return Promise.resolve()
    .then(() =>
      simulateLeadTime(flowModel(toWorkflowGraph(records, roles)), {
        cases,
        seed,
        ...(arrivalEveryHours === undefined ? {} : { arrivalEveryHours }),
        signal,
        onProgress: ({ casesDone }) => answer({ type: 'progress', casesDone, cases }),
      }),
    )
    .then(
      (result) => answer({ type: 'result', result }),
      // The engine throwing is a bug, not a bad map: the person still gets a sentence.
      (error: unknown) =>
        answer({
          type: 'failed',
          reason: `the simulation stopped on an error (${error instanceof Error ? error.message : String(error)})`,
        }),
    )
}
