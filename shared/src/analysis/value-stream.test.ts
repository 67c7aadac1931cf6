import type { TLRecord } from '@tldraw/tlschema'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { toWorkflowGraph } from '../graph/to-workflow-graph.ts'
import type { StepShapeProps } from '../schema/step.ts'
import { connector, workflowShape } from '../testing/shape-records.ts'
import { criticalPath } from './critical-path.ts'
import { valueStream } from './value-stream.ts'

const start = () => workflowShape('event', { id: 'start', props: { kind: 'start' } })
const end = () => workflowShape('event', { id: 'end', props: { kind: 'end' } })
const stage = (id: string, label: string, order: number) =>
  workflowShape('stage', { id, props: { label, order } })
const step = (id: string, props: Partial<StepShapeProps>, parentId?: string) =>
  workflowShape('step', { id, ...(parentId ? { parentId } : {}), props: { label: id, ...props } })
const flows = (pairs: Array<[string, string]>) =>
  pairs.flatMap(([from, to], index) => connector({ id: `c${index + 1}`, from, to }))
const graphOf = (records: TLRecord[]) => toWorkflowGraph(records, [])

/**
 * Stage "Order" (order 1):   start → A (wait 1, process 2, 90 % C&A)
 * Stage "Deliver" (order 2):         A → B (wait 3, process 4, 50 %) → end
 *                                    A → C (wait 0, process 1, 80 %) → end   (parallel split)
 * The stages are drawn in the reverse of their order, so stage order is what sorts them.
 */
function splitMap(): TLRecord[] {
  return [
    stage('deliver', 'Deliver', 2),
    stage('order', 'Order', 1),
    start(),
    step('a', { wait: 1, estimate: 2, completeAccurate: 90 }, 'shape:order'),
    step('b', { wait: 3, estimate: 4, completeAccurate: 50 }, 'shape:deliver'),
    step('c', { wait: 0, estimate: 1, completeAccurate: 80 }, 'shape:deliver'),
    end(),
    ...flows([
      ['start', 'a'],
      ['a', 'b'],
      ['b', 'end'],
      ['a', 'c'],
      ['c', 'end'],
    ]),
  ]
}

describe('value-stream metrics on a hand-made map', () => {
  const metrics = valueStream(graphOf(splitMap()))

  test('each step: lead is its wait plus its process time', () => {
    expect(metrics.steps).toEqual([
      { nodeId: 'shape:a', stageId: 'shape:order', process: 2, wait: 1, lead: 3, completeAccurate: 90 },
      { nodeId: 'shape:b', stageId: 'shape:deliver', process: 4, wait: 3, lead: 7, completeAccurate: 50 },
      { nodeId: 'shape:c', stageId: 'shape:deliver', process: 1, wait: 0, lead: 1, completeAccurate: 80 },
    ])
  })

  test('stages in stage order, summing their steps; % C&A rolled as the product', () => {
    // Order: A alone → 2 + 1 = 3, 90 %. Deliver: B and C → process 4 + 1 = 5, wait 3 + 0 = 3,
    // lead 8, % C&A 50 % × 80 % = 40 %.
    expect(metrics.stages).toEqual([
      {
        stageId: 'shape:order',
        label: 'Order',
        order: 1,
        process: 2,
        wait: 1,
        lead: 3,
        completeAccurate: 90,
      },
      {
        stageId: 'shape:deliver',
        label: 'Deliver',
        order: 2,
        process: 5,
        wait: 3,
        lead: 8,
        completeAccurate: 40,
      },
    ])
  })

  test('totals follow the longest lead-time path', () => {
    // start → A → B → end: lead 3 + 7 = 10 (through C it would be 3 + 1 = 4); process 2 + 4 = 6,
    // wait 1 + 3 = 4; activity ratio 6 / 10; rolled % C&A 90 % × 50 % = 45 %.
    // Flow efficiency over every step: (2 + 4 + 1) / (3 + 7 + 1) = 7 / 11.
    expect(metrics.pathNodeIds).toEqual(['shape:start', 'shape:a', 'shape:b', 'shape:end'])
    expect(metrics.total.lead).toBe(10)
    expect(metrics.total.process).toBe(6)
    expect(metrics.total.wait).toBe(4)
    expect(metrics.total.activityRatio).toBeCloseTo(0.6)
    expect(metrics.total.rolledCompleteAccurate).toBeCloseTo(45)
    expect(metrics.total.flowEfficiency).toBeCloseTo(7 / 11)
    expect(metrics.unestimatedStepIds).toEqual([])
  })

  test('a long wait moves the path even where process time is shorter', () => {
    // C waits 10 h: through C the lead is 3 + 11 = 14 > 10, though B has more process time.
    const records = splitMap().map((record) =>
      record.id === 'shape:c'
        ? step('c', { wait: 10, estimate: 1, completeAccurate: 80 }, 'shape:deliver')
        : record,
    )
    const metrics = valueStream(graphOf(records))
    expect(metrics.pathNodeIds).toEqual(['shape:start', 'shape:a', 'shape:c', 'shape:end'])
    expect(metrics.total).toMatchObject({ lead: 14, process: 3, wait: 11 })
    // The critical path by process time alone still runs through B.
    expect(criticalPath(graphOf(records)).nodeIds).toContain('shape:b')
  })
})

describe('value-stream edge cases', () => {
  test('ranges give the most likely value, clamped into the range; a range alone gives its middle', () => {
    // Process: no likely value, range 2–6 → 4. Wait: likely 5 outside range 1–3 → clamped to 3.
    const metrics = valueStream(
      graphOf([
        start(),
        step('x', {
          estimate: null,
          estimateRange: { min: 2, max: 6 },
          wait: 5,
          waitRange: { min: 1, max: 3 },
        }),
        end(),
        ...flows([
          ['start', 'x'],
          ['x', 'end'],
        ]),
      ]),
    )
    expect(metrics.steps[0]).toMatchObject({ process: 4, wait: 3, lead: 7 })
    expect(metrics.total.lead).toBe(7)
  })

  test('unknown times count 0, unestimated steps on the path are listed, and no % C&A gives null', () => {
    // start → P (nothing known) → Q (wait 2, process unknown) → end: lead 2, process 0.
    const metrics = valueStream(
      graphOf([
        start(),
        step('p', {}),
        step('q', { wait: 2 }),
        end(),
        ...flows([
          ['start', 'p'],
          ['p', 'q'],
          ['q', 'end'],
        ]),
      ]),
    )
    expect(metrics.total).toEqual({
      lead: 2,
      process: 0,
      wait: 2,
      activityRatio: 0,
      rolledCompleteAccurate: null,
      flowEfficiency: 0,
    })
    expect(metrics.unestimatedStepIds).toEqual(['shape:p', 'shape:q'])
  })

  test('an empty map has no path and null ratios', () => {
    const metrics = valueStream(graphOf([]))
    expect(metrics.pathNodeIds).toEqual([])
    expect(metrics.total).toEqual({
      lead: 0,
      process: 0,
      wait: 0,
      activityRatio: null,
      rolledCompleteAccurate: null,
      flowEfficiency: null,
    })
  })

  test('with no waits the path lead equals the critical path hours', () => {
    const records = splitMap().map((record) =>
      record.typeName === 'shape' && record.type === 'step'
        ? { ...record, props: { ...record.props, wait: null } }
        : record,
    )
    expect(valueStream(graphOf(records)).total.lead).toBe(criticalPath(graphOf(records)).hours)
  })
})

/** A random map: a start, steps with random timing, forward sequence flows (a DAG), an end after the last. */
const randomMap = fc
  .record({
    steps: fc.array(
      fc.record({
        estimate: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
        wait: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
        completeAccurate: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        stage: fc.integer({ min: 0, max: 2 }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    extraFlows: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 15 }),
  })
  .map(({ steps, extraFlows }) => {
    const ids = steps.map((_, index) => `s${index}`)
    const records: TLRecord[] = [
      stage('st0', 'One', 0),
      stage('st1', 'Two', 1),
      start(),
      end(),
      ...steps.map((props, index) =>
        step(
          ids[index]!,
          { estimate: props.estimate, wait: props.wait, completeAccurate: props.completeAccurate },
          props.stage < 2 ? `shape:st${props.stage}` : undefined,
        ),
      ),
    ]
    const pairs: Array<[string, string]> = [['start', ids[0]!]]
    for (let index = 1; index < ids.length; index++) pairs.push([ids[index - 1]!, ids[index]!])
    pairs.push([ids[ids.length - 1]!, 'end'])
    for (const [a, b] of extraFlows) {
      const from = a % ids.length
      const to = b % ids.length
      if (from < to) pairs.push([ids[from]!, ids[to]!])
    }
    return [...records, ...flows(pairs)]
  })

describe('value-stream properties', () => {
  test('lead ≥ process for every step, stage and the total; activity ratio in [0, 1]', () => {
    fc.assert(
      fc.property(randomMap, (records) => {
        const metrics = valueStream(graphOf(records))
        for (const timing of metrics.steps) expect(timing.lead).toBeGreaterThanOrEqual(timing.process ?? 0)
        for (const timing of metrics.stages) expect(timing.lead).toBeGreaterThanOrEqual(timing.process)
        expect(metrics.total.lead).toBeGreaterThanOrEqual(metrics.total.process)
        const ratio = metrics.total.activityRatio
        if (ratio !== null) expect(ratio >= 0 && ratio <= 1).toBe(true)
        const efficiency = metrics.total.flowEfficiency
        if (efficiency !== null) expect(efficiency >= 0 && efficiency <= 1).toBe(true)
      }),
    )
  })

  test('rolled % C&A is at most every % C&A on the path', () => {
    fc.assert(
      fc.property(randomMap, (records) => {
        const metrics = valueStream(graphOf(records))
        const rolled = metrics.total.rolledCompleteAccurate
        const onPath = metrics.steps.filter((timing) => metrics.pathNodeIds.includes(timing.nodeId))
        const known = onPath.flatMap((timing) =>
          timing.completeAccurate === null ? [] : [timing.completeAccurate],
        )
        if (known.length === 0) expect(rolled).toBeNull()
        for (const percent of known) expect(rolled!).toBeLessThanOrEqual(percent + 1e-9)
      }),
    )
  })

  test('the path is the longest by lead: no start→end chain of the DAG is longer', () => {
    fc.assert(
      fc.property(randomMap, (records) => {
        const graph = graphOf(records)
        const metrics = valueStream(graph)
        const lead = new Map(metrics.steps.map((timing) => [timing.nodeId, timing.lead]))
        // Longest chain by brute force over the DAG (ids s0…sn are in topological order).
        const longest = new Map<string, number>([['shape:start', 0]])
        const order = ['shape:start', ...metrics.steps.map((timing) => timing.nodeId), 'shape:end']
        for (const id of order) {
          const here = longest.get(id)
          if (here === undefined) continue
          for (const edge of graph.outgoing.get(id) ?? []) {
            const next = here + (lead.get(edge.to!) ?? 0)
            if (next > (longest.get(edge.to!) ?? -1)) longest.set(edge.to!, next)
          }
        }
        expect(metrics.total.lead).toBe(longest.get('shape:end'))
      }),
    )
  })
})
