/**
 * Issue 17's Monte Carlo benchmark: `runLeadTimeSimulation` (the token-flow engine the Insights
 * panel's worker runs) with 10,000 cases on a generated map of 1,000 nodes and 1,600 connectors
 * (seed 42): splits, joins, decisions, dependencies.
 *
 * Reference, in the same process on the same compiled model: a plain loop that goes over every node
 * of the map once per case and sums a triangular draw of each step's wait and process time, with
 * the same PRNG: no tokens, queues, joins or branch choices. "engine / loop" says what the flow rules
 * cost over drawing the times, independent of the machine.
 *
 * Env: BENCH_QUICK=1 for 1,000 cases and 3 runs; MONTE_CARLO_CASES=n, MONTE_CARLO_RUNS=n to choose.
 */
import { pathToFileURL } from 'node:url'
import {
  type FlowModel,
  flowModel,
  runLeadTimeSimulation,
  sampleTime,
  toWorkflowGraph,
} from '@flowmap/shared'
import { generateWorkflowMap, seededRandom } from '@flowmap/shared/testing'
import { percentile } from './stats/percentile.ts'

const MAP = { nodes: 1000, edges: 1600, seed: 42 }

function plainLoop(model: FlowModel, cases: number, seed: number): number {
  const random = seededRandom(seed)
  let total = 0
  for (let c = 0; c < cases; c++) {
    let hours = 0
    for (const node of model.nodes) hours += sampleTime(node.wait, random) + sampleTime(node.process, random)
    total += hours
  }
  return total / cases
}

export async function runMonteCarloBench(): Promise<void> {
  const quick = process.env.BENCH_QUICK === '1'
  const cases = Number(process.env.MONTE_CARLO_CASES ?? (quick ? 1000 : 10_000))
  const runs = Number(process.env.MONTE_CARLO_RUNS ?? (quick ? 3 : 7))
  const warmups = 1
  const { records, roles } = generateWorkflowMap(MAP)
  const model = flowModel(toWorkflowGraph(records, roles))
  const sequence = model.edges.length
  const joins = model.nodes.filter((node) => node.inCount >= 2).length
  const decisions = model.nodes.filter((node) => node.kind === 'decision' && node.out.length >= 2).length
  console.log(
    `map: ${MAP.nodes} nodes, ${MAP.edges} connectors (${sequence} sequence flows, ${joins} joins, ${decisions} decisions); ${cases} cases; ${runs} runs after ${warmups} warm-up`,
  )

  const engineMs: number[] = []
  const loopMs: number[] = []
  let summary = ''
  // Interleaved, so drift in machine load hits both series alike.
  for (let run = 0; run < warmups + runs; run++) {
    const started = performance.now()
    const result = runLeadTimeSimulation(model, { cases, seed: run + 1 })
    const simulated = performance.now()
    const mean = plainLoop(model, cases, run + 1)
    const looped = performance.now()
    if (run < warmups) continue
    engineMs.push(simulated - started)
    loopMs.push(looped - simulated)
    summary = `lead time p50 ${result.p50?.toFixed(1)} h, p85 ${result.p85?.toFixed(1)} h, p95 ${result.p95?.toFixed(1)} h; ${result.truncatedCases} cut; plain-loop sum of all steps ${mean.toFixed(1)} h`
  }
  const engine = percentile(engineMs, 50)!
  const loop = percentile(loopMs, 50)!
  const rate = (ms: number) => Math.round(cases / (ms / 1000)).toLocaleString('en')
  console.log(
    `plain loop (reference)   median ${loop.toFixed(1).padStart(8)} ms   ${rate(loop).padStart(10)} cases/s`,
  )
  console.log(
    `token-flow simulation    median ${engine.toFixed(1).padStart(8)} ms   ${rate(engine).padStart(10)} cases/s`,
  )
  console.log(summary)
  console.log(`ratio engine / loop: ${(engine / loop).toFixed(1)}`)
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runMonteCarloBench()
}
