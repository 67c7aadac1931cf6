import { describe, expect, test } from 'vitest'
import type { Role } from '../../schema/role.ts'
import {
  chain,
  decisionNode,
  endEvent,
  flowArrow,
  graphOfRecords,
  joinWaitingOnDependencyMap,
  onboardingMap,
  shipOrFixMap,
  startEvent,
  timedStep,
} from '../../testing/flow-maps.ts'
import { flowModel } from './flow-model.ts'
import { runLeadTimeSimulation, simulateLeadTime, simulationSummary } from './simulate-lead-time.ts'
import { defaultArrivalEveryHours } from './simulation-run.ts'

const lineModel = () =>
  flowModel(
    graphOfRecords([
      startEvent(),
      timedStep('a', { estimate: 2 }),
      timedStep('b', { estimate: 3 }),
      endEvent(),
      ...chain('start', 'a', 'b', 'end'),
    ]),
  )

/** start → review (1–2–6 h, wait 0–1–2 h) → ok? ─75 %→ end, ─25 %→ rework (3 h) → review again. */
const rangedLoopModel = () =>
  flowModel(
    graphOfRecords([
      startEvent(),
      timedStep('review', {
        estimate: 2,
        estimateRange: { min: 1, max: 6 },
        wait: 1,
        waitRange: { min: 0, max: 2 },
      }),
      decisionNode('ok'),
      timedStep('rework', { estimate: 3 }),
      endEvent(),
      ...chain('start', 'review', 'ok'),
      ...flowArrow('ok', 'end', { probability: 0.75 }),
      ...flowArrow('ok', 'rework'),
      ...chain('rework', 'review'),
    ]),
  )

/** start → work (2 h, owned by a role with the given capacity) → end. */
const queueModel = (capacity: number) => {
  const role: Role = { id: 'role:desk', name: 'Desk', color: '#000', kind: 'team', capacity }
  return flowModel(
    graphOfRecords(
      [
        startEvent(),
        timedStep('work', { estimate: 2, owner: role.id }),
        endEvent(),
        ...chain('start', 'work', 'end'),
      ],
      [role],
    ),
  )
}

describe('Monte Carlo lead time', () => {
  test('single-point estimates give every case the same lead time: the sum along the line', () => {
    // 2 h + 3 h = 5 h for each of the 100 cases.
    const run = runLeadTimeSimulation(lineModel(), { cases: 100, seed: 7 })
    expect(run).toMatchObject({ cases: 100, p50: 5, p85: 5, p95: 5, mean: 5, truncatedCases: 0 })
    expect(run.histogram).toEqual([{ from: 5, to: 5, count: 100 }])
  })

  test('a decision sends cases down its branches by their probabilities', () => {
    // ok? ─yes (75 %)→ ship (1 h) → end, ─no (the 25 % left)→ fix (5 h) → end: p50 = 1, p95 = 5,
    // mean 0.75 × 1 + 0.25 × 5 = 2.
    const model = flowModel(graphOfRecords(shipOrFixMap({ yes: 0.75, ship: 1, fix: 5 })))
    const run = runLeadTimeSimulation(model, { cases: 4000, seed: 3 })
    expect(run.p50).toBe(1)
    expect(run.p95).toBe(5)
    expect(run.mean!).toBeGreaterThan(1.85)
    expect(run.mean!).toBeLessThan(2.15)
  })

  test('a range is drawn as a triangle: the mean is (min + likely + max) / 3 and no draw leaves the range', () => {
    // Process 1–2–6 h: mean 3 h; wait 0–1–5 h: mean 2 h; together 5 h.
    const model = flowModel(
      graphOfRecords([
        startEvent(),
        timedStep('a', {
          estimate: 2,
          estimateRange: { min: 1, max: 6 },
          wait: 1,
          waitRange: { min: 0, max: 5 },
        }),
        endEvent(),
        ...chain('start', 'a', 'end'),
      ]),
    )
    const run = runLeadTimeSimulation(model, { cases: 20_000, seed: 11 })
    expect(run.mean!).toBeGreaterThan(4.9)
    expect(run.mean!).toBeLessThan(5.1)
    expect(run.min!).toBeGreaterThanOrEqual(1)
    expect(run.max!).toBeLessThanOrEqual(11)
    expect(run.histogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(20_000)
  })

  test('a role at capacity queues the cases: utilisation and queue time per role', () => {
    // Capacity 1, 2 h a case, a case every hour: case k arrives at k, starts at 2k, ends at 2k + 2, so
    // its lead time is k + 2 (2 … 11 for 10 cases), it queued k hours (mean 4.5), and the desk is busy
    // all 20 h of the run.
    const run = runLeadTimeSimulation(queueModel(1), { cases: 10, seed: 1, arrivalEveryHours: 1 })
    expect(run.leadTimes).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    expect(run.spanHours).toBe(20)
    expect(run.utilisation).toEqual([
      { roleId: 'role:desk', busyHours: 20, capacity: 1, utilisation: 1, meanQueueHours: 4.5 },
    ])
    // Two at once keep up with one case an hour: nobody queues, the desk is busy 20 h of 2 × 11 h.
    const two = runLeadTimeSimulation(queueModel(2), { cases: 10, seed: 1, arrivalEveryHours: 1 })
    expect(two.leadTimes).toEqual(Array(10).fill(2))
    expect(two.utilisation[0]).toMatchObject({ meanQueueHours: 0, utilisation: 20 / 22 })
  })

  test('parallel branches at one role of capacity 1 take turns; with room for both they overlap', () => {
    // start → { a (2 h), b (3 h) } → end, both at the desk: one at a time 2 + 3 = 5 h, together max = 3 h.
    const mapAt = (capacity: number) => {
      const role: Role = { id: 'role:desk', name: 'Desk', color: '#000', kind: 'team', capacity }
      return flowModel(
        graphOfRecords(
          [
            startEvent(),
            timedStep('a', { estimate: 2, owner: role.id }),
            timedStep('b', { estimate: 3, owner: role.id }),
            endEvent(),
            ...chain('start', 'a', 'end'),
            ...chain('start', 'b', 'end'),
          ],
          [role],
        ),
      )
    }
    expect(runLeadTimeSimulation(mapAt(1), { cases: 1, seed: 1 }).leadTimes).toEqual([5])
    expect(runLeadTimeSimulation(mapAt(2), { cases: 1, seed: 1 }).leadTimes).toEqual([3])
  })

  test('a dependency holds a step until its source is done in the same case', () => {
    // start → { welcome (2 h) → first day (2 h) → end, IT setup (16 h) }; IT setup ⇢ first day: 16 + 2 = 18 h.
    const model = flowModel(graphOfRecords(onboardingMap()))
    expect(runLeadTimeSimulation(model, { cases: 2, seed: 1 }).leadTimes).toEqual([18, 18])
  })

  test('a join and a dependency waiting on each other do not hang the run: the held token goes on', () => {
    // start → { x (1 h) → j, y (1 h) → j }, j (1 h) → s (1 h) → end, s ⇢ y. The token at j goes on alone
    // (done at 1 + 1 + 1 = 3 h); y is no longer blocked once s is done, then y → j → s → end again:
    // 3 + 1 + 1 + 1 = 6 h.
    const model = flowModel(graphOfRecords(joinWaitingOnDependencyMap()))
    expect(runLeadTimeSimulation(model, { cases: 1, seed: 1 }).leadTimes).toEqual([6])
  })

  test('the default arrival keeps the busiest capacity-bound role about 80 % busy; none without capacity', () => {
    // 2 h of work a case at capacity 1: a case every 2 / 0.8 = 2.5 h.
    expect(defaultArrivalEveryHours(queueModel(1))).toBe(2.5)
    expect(defaultArrivalEveryHours(queueModel(4))).toBe(0.625)
    expect(defaultArrivalEveryHours(lineModel())).toBe(0)
  })

  test('with no capacity anywhere the arrival interval changes no lead time', () => {
    const model = rangedLoopModel()
    const together = runLeadTimeSimulation(model, { cases: 500, seed: 5, arrivalEveryHours: 0 })
    const apart = runLeadTimeSimulation(model, { cases: 500, seed: 5, arrivalEveryHours: 10 })
    expect(apart.leadTimes).toEqual(together.leadTimes)
  })

  test('the same seed gives the same histogram; another seed may not', () => {
    const model = rangedLoopModel()
    const first = runLeadTimeSimulation(model, { cases: 2000, seed: 42 })
    const again = runLeadTimeSimulation(model, { cases: 2000, seed: 42 })
    const other = runLeadTimeSimulation(model, { cases: 2000, seed: 43 })
    expect(again.histogram).toEqual(first.histogram)
    expect(again.p85).toBe(first.p85)
    expect(other.leadTimes).not.toEqual(first.leadTimes)
  })

  test('the chunked run gives what the one-go run gives, and reports progress up to all cases', async () => {
    const model = rangedLoopModel()
    const seen: number[] = []
    const chunked = await simulateLeadTime(model, {
      cases: 30_000,
      seed: 9,
      onProgress: ({ casesDone }) => seen.push(casesDone),
    })
    expect(chunked.leadTimes).toEqual(runLeadTimeSimulation(model, { cases: 30_000, seed: 9 }).leadTimes)
    expect(seen.length).toBeGreaterThan(1)
    expect(seen.at(-1)).toBe(30_000)
    expect([...seen].sort((a, b) => a - b)).toEqual(seen)
  })

  test('cancelling stops the run early and answers the cases done so far', async () => {
    // What an AbortController's signal shows (shared typechecks without the DOM's types).
    const signal = { aborted: false }
    const run = await simulateLeadTime(rangedLoopModel(), {
      cases: 1_000_000,
      seed: 1,
      signal: signal as AbortSignal,
      onProgress: () => {
        signal.aborted = true
      },
    })
    expect(run.cancelled).toBe(true)
    expect(run.cases).toBeGreaterThan(0)
    expect(run.cases).toBeLessThan(1_000_000)
    expect(run.leadTimes).toHaveLength(run.cases)
  })

  test('a case that loops on is cut at 10,000 visits and counted apart', () => {
    // ok? always (100 %) goes back to a: no case ever ends.
    const model = flowModel(
      graphOfRecords([
        startEvent(),
        timedStep('a', { estimate: 1 }),
        decisionNode('ok'),
        endEvent(),
        ...chain('start', 'a', 'ok'),
        ...flowArrow('ok', 'a', { probability: 1 }),
        ...flowArrow('ok', 'end', { probability: 0 }),
      ]),
    )
    const run = runLeadTimeSimulation(model, { cases: 3, seed: 1 })
    expect(run).toMatchObject({ cases: 3, truncatedCases: 3, leadTimes: [], p50: null, histogram: [] })
  })

  test('the insights summary stops at its event budget on a map that always loops, and says so', () => {
    // Every case would run to 10,000 visits: 1,000 of them are far over the summary's budget.
    const graph = graphOfRecords([
      startEvent(),
      timedStep('a', { estimate: 1 }),
      decisionNode('ok'),
      endEvent(),
      ...chain('start', 'a', 'ok'),
      ...flowArrow('ok', 'a', { probability: 1 }),
      ...flowArrow('ok', 'end', { probability: 0 }),
    ])
    const summary = simulationSummary(graph, { cases: 1000, seed: 1 })
    expect(summary).toMatchObject({ cancelled: true, requestedCases: 1000 })
    expect(summary.cases).toBeLessThan(1000)
    expect(summary.truncatedCases).toBe(summary.cases)
  })

  test('a process time far beyond any estimate (1e308 hours, stored before the limit) gives finite figures', () => {
    const graph = graphOfRecords([
      startEvent(),
      timedStep('a', { estimate: 1e308 }),
      timedStep('b', { estimate: 1e308 }),
      endEvent(),
      ...chain('start', 'a', 'b', 'end'),
    ])
    // Each is read at the 1,000,000-hour limit: two of them in a row take 2,000,000 hours.
    expect(simulationSummary(graph, { cases: 10, seed: 1 })).toMatchObject({ p50: 2e6, p95: 2e6, mean: 2e6 })
  })

  test('the insights summary is a fixed run of 1,000 cases with seed 1, without the raw lead times', () => {
    const graph = graphOfRecords([
      startEvent(),
      timedStep('a', { estimate: 4 }),
      endEvent(),
      ...chain('start', 'a', 'end'),
    ])
    const summary = simulationSummary(graph)
    expect(summary).toMatchObject({ cases: 1000, seed: 1, p50: 4, p95: 4 })
    expect(summary).not.toHaveProperty('leadTimes')
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary)
  })
})
