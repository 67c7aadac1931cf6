import type { TLRecord } from '@tldraw/tlschema'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { endEvent, flowArrow, graphOfRecords, startEvent, timedStep } from '../../testing/flow-maps.ts'
import { criticalPath } from '../critical-path.ts'
import { flowModel } from './flow-model.ts'
import { runLeadTimeSimulation } from './simulate-lead-time.ts'
import { startWalk, stepToken } from './walk.ts'

/**
 * Random loop-free maps with no decisions, ranges or capacity: a start (node 0), steps 1 … n, an end.
 * Every step is entered from an earlier node (so every node is reached), may get more sequence flows
 * and dependencies from earlier nodes (splits, joins, cross-branch waits), and leads to the end when
 * nothing else follows it.
 */
type ZeroVarianceMap = {
  steps: Array<{ estimate: number | null; wait: number | null }>
  /** For step i (1-based): the earlier node it is entered from, as a fraction of i. */
  entries: number[]
  extra: Array<{ from: number; to: number; flow: 'sequence' | 'dependency' }>
}

const zeroVarianceMap = (withWaits: boolean): fc.Arbitrary<ZeroVarianceMap> =>
  fc.integer({ min: 1, max: 10 }).chain((n) =>
    fc.record({
      steps: fc.array(
        fc.record({
          estimate: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
          wait: withWaits ? fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }) : fc.constant(null),
        }),
        { minLength: n, maxLength: n },
      ),
      entries: fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: n, maxLength: n }),
      extra: fc.array(
        fc.record({
          from: fc.integer({ min: 0, max: n }),
          to: fc.integer({ min: 1, max: n }),
          flow: fc.constantFrom('sequence' as const, 'dependency' as const),
        }),
        { maxLength: 2 * n },
      ),
    }),
  )

const nodeId = (i: number) => (i === 0 ? 'start' : `s${i}`)

function recordsOf(map: ZeroVarianceMap): { records: TLRecord[]; longest: number } {
  const n = map.steps.length
  const records: TLRecord[] = [startEvent(), endEvent()]
  const edges = new Map<string, { from: number; to: number; flow: 'sequence' | 'dependency' }>()
  const add = (from: number, to: number, flow: 'sequence' | 'dependency') => {
    if (from < to && !edges.has(`${from}-${to}`)) edges.set(`${from}-${to}`, { from, to, flow })
  }
  for (let i = 1; i <= n; i++) {
    records.push(timedStep(nodeId(i), map.steps[i - 1]!))
    add(Math.floor(map.entries[i - 1]! * i), i, 'sequence')
  }
  for (const { from, to, flow } of map.extra) add(from, to, flow)
  const hasOut = new Set([...edges.values()].filter((e) => e.flow === 'sequence').map((e) => e.from))
  for (const { from, to, flow } of edges.values())
    records.push(...flowArrow(nodeId(from), nodeId(to), flow === 'dependency' ? { flow } : {}))
  for (let i = 1; i <= n; i++) if (!hasOut.has(i)) records.push(...flowArrow(nodeId(i), 'end'))
  // The longest path by wait + process, in index order (every flow goes forward).
  const finish = [0]
  for (let i = 1; i <= n; i++) {
    const before = [...edges.values()].filter((e) => e.to === i).map((e) => finish[e.from]!)
    finish[i] = Math.max(0, ...before) + (map.steps[i - 1]!.wait ?? 0) + (map.steps[i - 1]!.estimate ?? 0)
  }
  return { records, longest: Math.max(...finish) }
}

/** Steps the first token that can move until none can. */
function walkToTheEnd(records: TLRecord[]): number {
  const model = flowModel(graphOfRecords(records))
  let state = startWalk(model)
  for (let moves = 0; !state.finished && moves < 1000; moves++) {
    const token = state.tokens.find((candidate) => candidate.status === 'ready')
    if (token === undefined) break
    state = stepToken(model, state, token.id)
  }
  expect(state.finished).toBe(true)
  return state.elapsed
}

describe('token flow with zero variance', () => {
  test('with waits unknown, every simulated case takes the critical path hours, and so does a walk', () => {
    fc.assert(
      fc.property(zeroVarianceMap(false), fc.integer(), (map, seed) => {
        const { records } = recordsOf(map)
        const graph = graphOfRecords(records)
        const hours = criticalPath(graph).hours
        const run = runLeadTimeSimulation(flowModel(graph), { cases: 3, seed })
        expect(run.leadTimes).toEqual([hours, hours, hours])
        expect(walkToTheEnd(records)).toBe(hours)
      }),
      { numRuns: 200 },
    )
  })

  test('with waits, the lead time is the longest path by wait + process time', () => {
    fc.assert(
      fc.property(zeroVarianceMap(true), (map) => {
        const { records, longest } = recordsOf(map)
        const run = runLeadTimeSimulation(flowModel(graphOfRecords(records)), { cases: 2, seed: 1 })
        expect(run.leadTimes).toEqual([longest, longest])
        expect(walkToTheEnd(records)).toBe(longest)
      }),
      { numRuns: 200 },
    )
  })
})
