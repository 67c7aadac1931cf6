/**
 * Issue 6's lint benchmark: the incremental lint (what the lint panel runs per transaction) against a
 * full `lint(toWorkflowGraph(records, roles))` of the same board, in the same process, after one
 * change to a generated map of 5,000 nodes and 8,000 connectors (about 29,000 records).
 *
 * Each kind of change is applied and undone in turn (so the board stays the same size), and each
 * application is timed twice: the incremental re-lint (apply the change, read the issue list) and a
 * full lint of the board as it now is. Interleaved, so load drift (2 shared cores) hits both alike.
 * The ratio full / incremental is the figure; the issue's goal is at least 50x.
 *
 * Env: BENCH_QUICK=1 for fewer rounds; LINT_INCREMENTAL_ROUNDS=n to choose.
 */
import { pathToFileURL } from 'node:url'
import {
  createIncrementalLint,
  lint,
  observeLint,
  type RecordsChange,
  toWorkflowGraph,
  writeRecords,
  writeRole,
} from '@flowmap/shared'
import { connector, generateWorkflowMap, type WorkflowMap } from '@flowmap/shared/testing'
import * as Y from 'yjs'
import { percentile } from './stats/percentile.ts'

type BoardRecord = WorkflowMap['records'][number]
type Change = { name: string; apply: RecordsChange; undo: RecordsChange }

const NODES = 5000
const EDGES = 8000
const GOAL = 50

export async function runLintIncrementalBench(): Promise<void> {
  const rounds = Number(process.env.LINT_INCREMENTAL_ROUNDS ?? (process.env.BENCH_QUICK === '1' ? 9 : 31))
  const { records, roles } = generateWorkflowMap({ nodes: NODES, edges: EDGES, seed: 42 })
  const board = new Map<string, BoardRecord>(records.map((record) => [record.id, record]))
  console.log(
    `map: ${NODES} nodes, ${EDGES} connectors, ${records.length} records; ${rounds} rounds per change`,
  )

  let started = performance.now()
  const incremental = createIncrementalLint({ records, roles })
  console.log(
    `initial incremental build: ${(performance.now() - started).toFixed(1)} ms, ${incremental.issues().length} issues`,
  )

  const changes = changesOf(board)
  const applyTo = (change: RecordsChange) => {
    for (const id of change.removed) board.delete(id)
    for (const record of change.upserted) board.set(record.id, record)
  }

  const summary: Array<{ name: string; incremental: number; full: number }> = []
  for (const change of changes) {
    const incrementalMs: number[] = []
    const fullMs: number[] = []
    for (let round = 0; round < rounds + 2; round++) {
      for (const step of [change.apply, change.undo]) {
        applyTo(step)
        started = performance.now()
        incremental.applyRecords(step)
        const count = incremental.issues().length
        const afterIncremental = performance.now()
        const full = lint(toWorkflowGraph(board.values(), roles))
        const afterFull = performance.now()
        if (count !== full.length)
          throw new Error(`${change.name}: incremental ${count} issues, full ${full.length}`)
        if (round < 2) continue // warm-up
        incrementalMs.push(afterIncremental - started)
        fullMs.push(afterFull - afterIncremental)
      }
    }
    summary.push({
      name: change.name,
      incremental: percentile(incrementalMs, 50)!,
      full: percentile(fullMs, 50)!,
    })
  }

  for (const row of summary) {
    const ratio = row.full / row.incremental
    console.log(
      `${row.name.padEnd(44)} incremental median ${row.incremental.toFixed(3).padStart(8)} ms   full ${row.full.toFixed(1).padStart(7)} ms   ${ratio.toFixed(0).padStart(6)}x${ratio >= GOAL ? '' : `  (below the ${GOAL}x goal)`}`,
    )
  }
  const worst = Math.min(...summary.map((row) => row.full / row.incremental))
  console.log(`ratio full / incremental, worst kind of change: ${worst.toFixed(0)}x (goal ${GOAL}x)`)
  await firstPassOnOpen(records, roles, rounds)
}

/**
 * The first pass when a board opens: the panel's `observeLint` on a doc of the whole map, taking the
 * records in at once against in slices of 500 (its default, each its own task). The figure that matters
 * is the longest task (goal: none over 200 ms); the total is what slicing costs.
 */
async function firstPassOnOpen(records: BoardRecord[], roles: WorkflowMap['roles'], rounds: number) {
  const doc = new Y.Doc()
  for (const role of roles) writeRole(doc, role)
  writeRecords(doc, records)
  const runs = { whole: [] as number[], slicedTotal: [] as number[], slicedLongest: [] as number[] }
  for (let round = 0; round < Math.min(rounds, 5); round++) {
    let started = performance.now()
    const atOnce = observeLint(doc, () => {}, { sliceSize: Number.POSITIVE_INFINITY })
    runs.whole.push(performance.now() - started)
    atOnce()
    let longest = 0
    started = performance.now()
    await new Promise<void>((done) => {
      const stop = observeLint(
        doc,
        () => {
          stop?.()
          done()
        },
        {
          schedule: (task) =>
            setTimeout(() => {
              const begun = performance.now()
              task()
              longest = Math.max(longest, performance.now() - begun)
            }, 0),
        },
      )
    })
    runs.slicedTotal.push(performance.now() - started)
    runs.slicedLongest.push(longest)
  }
  const median = (values: number[]) => percentile(values, 50) ?? Number.NaN
  console.log(
    `first pass on open (${records.length} records): at once ${median(runs.whole).toFixed(0)} ms in one task; ` +
      `in slices of 500: ${median(runs.slicedTotal).toFixed(0)} ms in all, longest task ${median(runs.slicedLongest).toFixed(0)} ms ` +
      `(goal ≤ 200 ms; ratio longest / at once ${(median(runs.slicedLongest) / median(runs.whole)).toFixed(2)}×)`,
  )
}

/** One change of each kind a person makes, with its undo, on records of the generated map. */
function changesOf(board: Map<string, BoardRecord>): Change[] {
  const shape = (id: string) => board.get(id) as Extract<BoardRecord, { typeName: 'shape' }>
  const step = shape('shape:node-2501')
  const edited = (props: object, extra: object = {}) =>
    ({ ...step, ...extra, props: { ...step.props, ...props } }) as BoardRecord
  const back = { upserted: [step], removed: [] }
  // A chain connector in the middle of the map: removing it may cut off what lies behind (the
  // reachability rules' expensive case), drawing it back extends reach again.
  const cut = ['shape:edge-2500', 'binding:edge-2500-start', 'binding:edge-2500-end']
  const chainLink = cut.map((id) => board.get(id)!)
  const extra = connector({ id: 'bench-extra', from: 'node-10', to: 'node-4000' })
  return [
    {
      name: 'rename a step',
      apply: { upserted: [edited({ label: 'Renamed step' })], removed: [] },
      undo: back,
    },
    {
      name: 'assign an owner to a step',
      apply: { upserted: [edited({ owner: 'role:1' })], removed: [] },
      undo: back,
    },
    {
      name: 'move a step into another lane',
      apply: { upserted: [edited({}, { parentId: 'shape:lane-0' })], removed: [] },
      undo: back,
    },
    {
      name: 'draw a sequence connector (arrow + 2 bindings)',
      apply: { upserted: extra, removed: [] },
      undo: { upserted: [], removed: extra.map((record) => record.id) },
    },
    {
      name: 'delete a sequence connector on the main path',
      apply: { upserted: [], removed: cut },
      undo: { upserted: chainLink, removed: [] },
    },
  ]
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runLintIncrementalBench()
}
