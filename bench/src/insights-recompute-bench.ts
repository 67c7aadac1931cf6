/**
 * Issue 17's Insights benchmark: one recompute of the Insights after one edit on the generated map of
 * 5,000 nodes and 8,000 connectors (large-map-runs.ts), incremental (`createIncrementalInsights`: apply
 * the edit's records, read `insights()`) against the full run the panel made before it
 * (`analyzeWorkflow(toWorkflowGraph(records, roles))` of the board as it now is), in the same process.
 *
 * Each kind of edit is applied and undone in turn (the board stays the same), every application timed
 * both ways, interleaved so that load drift on the shared cores hits both alike. The first rounds are
 * warm-ups, and in them the incremental result is checked deep-equal to the full one (outside the timing).
 *
 * Env: BENCH_QUICK=1 for fewer rounds; INSIGHTS_RECOMPUTE_RUNS=n to choose.
 */
import { pathToFileURL } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import {
  analyzeWorkflow,
  createIncrementalInsights,
  type RecordsChange,
  toWorkflowGraph,
} from '@flowmap/shared'
import { connector, type WorkflowMap } from '@flowmap/shared/testing'
import { largeMapRuns } from './large-map-runs.ts'
import { percentile } from './stats/percentile.ts'

type BoardRecord = WorkflowMap['records'][number]
type Edit = { name: string; apply: RecordsChange; undo: RecordsChange }

export async function runInsightsRecomputeBench(): Promise<void> {
  const { runs, warmups, records, roles } = largeMapRuns('INSIGHTS_RECOMPUTE_RUNS')
  const board = new Map<string, BoardRecord>(records.map((record) => [record.id, record]))

  let started = performance.now()
  const incremental = createIncrementalInsights({ records, roles })
  incremental.insights()
  console.log(`initial incremental build and first analysis: ${(performance.now() - started).toFixed(1)} ms`)

  const applyTo = (change: RecordsChange) => {
    for (const id of change.removed) board.delete(id)
    for (const record of change.upserted) board.set(record.id, record)
  }
  const rows: Array<{ name: string; incremental: number[]; full: number[] }> = []
  for (const edit of editsOf(board)) {
    const row = { name: edit.name, incremental: [] as number[], full: [] as number[] }
    for (let round = 0; round < warmups + runs; round++) {
      for (const step of [edit.apply, edit.undo]) {
        applyTo(step)
        started = performance.now()
        incremental.applyRecords(step)
        const fast = incremental.insights()
        const afterIncremental = performance.now()
        const full = analyzeWorkflow(toWorkflowGraph(board.values(), roles))
        const afterFull = performance.now()
        if (round < warmups) {
          if (!isDeepStrictEqual(fast, full)) throw new Error(`${edit.name}: incremental ≠ full analysis`)
          continue
        }
        row.incremental.push(afterIncremental - started)
        row.full.push(afterFull - afterIncremental)
      }
    }
    rows.push(row)
  }

  const ms = (samples: number[], p: number) => percentile(samples, p)!.toFixed(2)
  const spread = (samples: number[]) => `p10–p90 ${ms(samples, 10)}–${ms(samples, 90)}`
  for (const row of rows) {
    const ratio = percentile(row.full, 50)! / percentile(row.incremental, 50)!
    console.log(
      `${row.name.padEnd(36)} incremental median ${ms(row.incremental, 50).padStart(7)} ms (${spread(row.incremental)})   full median ${ms(row.full, 50).padStart(7)} ms (${spread(row.full)})   ${ratio.toFixed(1).padStart(6)}x`,
    )
  }
  const worst = Math.min(...rows.map((row) => percentile(row.full, 50)! / percentile(row.incremental, 50)!))
  console.log(`ratio full / incremental (medians), worst kind of edit: ${worst.toFixed(1)}x`)
}

/** One edit of each kind the brief names, with its undo, on records of the generated map. */
function editsOf(board: Map<string, BoardRecord>): Edit[] {
  const step = board.get('shape:node-2501') as Extract<BoardRecord, { typeName: 'shape' }>
  const edited = (props: object, extra: object = {}) =>
    ({ ...step, ...extra, props: { ...step.props, ...props } }) as BoardRecord
  const back = { upserted: [step], removed: [] }
  const extra = connector({ id: 'bench-extra', from: 'node-10', to: 'node-4000' })
  return [
    {
      name: 'rename a step',
      apply: { upserted: [edited({ label: 'Renamed step' })], removed: [] },
      undo: back,
    },
    {
      name: 'move a step (within its lane)',
      apply: { upserted: [edited({}, { x: step.x + 40 })], removed: [] },
      undo: back,
    },
    {
      name: 'draw a connector (arrow + 2 bindings)',
      apply: { upserted: extra, removed: [] },
      undo: { upserted: [], removed: extra.map((record) => record.id) },
    },
    {
      name: 'change a step owner',
      apply: { upserted: [edited({ owner: 'role:1' })], removed: [] },
      undo: back,
    },
  ]
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runInsightsRecomputeBench()
}
