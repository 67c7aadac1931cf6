/**
 * Issue 2's lint benchmark: `lint(toWorkflowGraph(records, roles))` on a generated map of 5,000 nodes
 * and 8,000 connectors (about 29,000 records with stages, lanes and arrow bindings): what the lint
 * panel pays when it recomputes from scratch.
 *
 * Reference, measured in the same process on the same records: a plain breadth-first traversal that
 * indexes the arrow bindings into an adjacency list and visits every node from the start. It reads the
 * same records and walks the same edges with no schema knowledge, so "lint / reference" says how many
 * bare graph walks a full lint costs, independent of the machine.
 *
 * Env: BENCH_QUICK=1 for fewer runs; LINT_BENCH_RUNS=n to choose.
 */
import { pathToFileURL } from 'node:url'
import { lint, toWorkflowGraph } from '@flowmap/shared'
import type { WorkflowMap } from '@flowmap/shared/testing'
import { largeMapRuns } from './large-map-runs.ts'
import { percentile } from './stats/percentile.ts'

type BoardRecord = WorkflowMap['records'][number]

export async function runLintBench(): Promise<void> {
  const { runs, warmups, records, roles } = largeMapRuns('LINT_BENCH_RUNS')

  let issueCount = 0
  let reachedCount = 0
  const series = {
    reference: [] as number[],
    graph: [] as number[],
    lint: [] as number[],
    total: [] as number[],
  }
  // Interleaved, so drift in machine load (2 cores shared) hits every series alike.
  for (let run = 0; run < warmups + runs; run++) {
    const keep = run >= warmups
    let started = performance.now()
    reachedCount = plainTraversal(records)
    const reference = performance.now() - started

    started = performance.now()
    const graph = toWorkflowGraph(records, roles)
    const built = performance.now()
    issueCount = lint(graph).length
    const ended = performance.now()
    if (keep) {
      series.reference.push(reference)
      series.graph.push(built - started)
      series.lint.push(ended - built)
      series.total.push(ended - started)
    }
  }

  const median = (samples: number[]) => percentile(samples, 50)!
  const reference = median(series.reference)
  const rows = [
    ['reference: plain BFS over bindings', reference],
    ['toWorkflowGraph', median(series.graph)],
    ['lint (8 rules) on the graph', median(series.lint)],
    ['lint(toWorkflowGraph(...))', median(series.total)],
  ] as const
  for (const [name, ms] of rows) {
    console.log(
      `${name.padEnd(36)} median ${ms.toFixed(2).padStart(8)} ms   ${(ms / reference).toFixed(1).padStart(6)}x reference`,
    )
  }
  console.log(`issues found: ${issueCount}; reference reached ${reachedCount} nodes`)
  console.log(`ratio lint(toWorkflowGraph) / reference: ${(median(series.total) / reference).toFixed(1)}`)
}

/** The reference workload: bindings → adjacency list → breadth-first visit from the first node. */
function plainTraversal(records: readonly BoardRecord[]): number {
  const ends = new Map<string, { start?: string; end?: string }>()
  let first: string | null = null
  for (const record of records) {
    if (record.typeName === 'binding') {
      const { fromId, toId, props } = record as unknown as {
        fromId: string
        toId: string
        props: { terminal: 'start' | 'end' }
      }
      const entry = ends.get(fromId) ?? {}
      entry[props.terminal] = toId
      ends.set(fromId, entry)
    } else if (
      first === null &&
      record.typeName === 'shape' &&
      (record as { type?: string }).type === 'event'
    ) {
      first = record.id
    }
  }
  const adjacency = new Map<string, string[]>()
  for (const { start, end } of ends.values()) {
    if (start === undefined || end === undefined) continue
    const list = adjacency.get(start)
    if (list) list.push(end)
    else adjacency.set(start, [end])
  }
  if (first === null) return 0
  const seen = new Set([first])
  const queue = [first]
  for (let head = 0; head < queue.length; head++) {
    for (const next of adjacency.get(queue[head]!) ?? []) {
      if (seen.has(next)) continue
      seen.add(next)
      queue.push(next)
    }
  }
  return seen.size
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runLintBench()
}
