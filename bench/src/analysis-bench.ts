/**
 * Issue 6's analysis benchmark: `analyzeWorkflow` (ownership, handoffs, bottlenecks, critical path,
 * automation, the four-Cs scorecard) on a generated map of 5,000 nodes and 8,000 connectors, which is
 * what GET /api/boards/:id/insights and the Insights panel compute.
 *
 * Reference, in the same process on the same records: `toWorkflowGraph`, the one pass over the
 * records every analysis starts from. "analysis / graph" says how many graph builds the analysis
 * costs, independent of the machine.
 *
 * Env: BENCH_QUICK=1 for fewer runs; ANALYSIS_BENCH_RUNS=n to choose.
 */
import { pathToFileURL } from 'node:url'
import { analyzeWorkflow, toWorkflowGraph } from '@flowmap/shared'
import { largeMapRuns } from './large-map-runs.ts'
import { percentile } from './stats/percentile.ts'

export async function runAnalysisBench(): Promise<void> {
  const { runs, warmups, records, roles } = largeMapRuns('ANALYSIS_BENCH_RUNS')

  const graphMs: number[] = []
  const analysisMs: number[] = []
  let summary = ''
  // Interleaved, so drift in machine load hits both series alike.
  for (let run = 0; run < warmups + runs; run++) {
    const started = performance.now()
    const graph = toWorkflowGraph(records, roles)
    const built = performance.now()
    const insights = analyzeWorkflow(graph, { contributors: 5 })
    const ended = performance.now()
    if (run < warmups) continue
    graphMs.push(built - started)
    analysisMs.push(ended - built)
    summary = `critical path ${insights.criticalPath.nodeIds.length} shapes / ${insights.criticalPath.hours} h; ${insights.handoffs.handoffs.length} handoffs; scores ${insights.maturity.map((m) => `${m.dimension} ${m.score}`).join(', ')}`
  }
  const graph = percentile(graphMs, 50)!
  const analysis = percentile(analysisMs, 50)!
  console.log(`toWorkflowGraph (reference)        median ${graph.toFixed(1).padStart(8)} ms`)
  console.log(
    `analyzeWorkflow on the graph       median ${analysis.toFixed(1).padStart(8)} ms   p99 ${percentile(analysisMs, 99)!.toFixed(1)} ms`,
  )
  console.log(`full analysis incl. graph          median ${(graph + analysis).toFixed(1).padStart(8)} ms`)
  console.log(summary)
  console.log(`ratio analysis / graph: ${(analysis / graph).toFixed(1)}`)
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runAnalysisBench()
}
