/**
 * The setting the lint and analysis benches share: the same generated map of 5,000 nodes and 8,000
 * connectors (seed 42), and how many interleaved runs to time after a few warm-ups.
 */
import { generateWorkflowMap, type WorkflowMap } from '@flowmap/shared/testing'

export const LARGE_MAP = { nodes: 5000, edges: 8000, seed: 42 }

export interface LargeMapRuns extends WorkflowMap {
  runs: number
  warmups: number
}

/** Runs from the env variable `runsEnv`, else 7 with BENCH_QUICK=1, else 31; prints the setting. */
export function largeMapRuns(runsEnv: string): LargeMapRuns {
  const runs = Number(process.env[runsEnv] ?? (process.env.BENCH_QUICK === '1' ? 7 : 31))
  const warmups = Math.max(2, Math.floor(runs / 5))
  const { records, roles } = generateWorkflowMap(LARGE_MAP)
  console.log(
    `map: ${LARGE_MAP.nodes} nodes, ${LARGE_MAP.edges} connectors, ${records.length} records; ${runs} runs after ${warmups} warm-ups`,
  )
  return { runs, warmups, records, roles }
}
