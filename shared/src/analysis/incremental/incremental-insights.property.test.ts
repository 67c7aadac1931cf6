import type { TLRecord } from '@tldraw/tlschema'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { toWorkflowGraph } from '../../graph/to-workflow-graph.ts'
import type { Role } from '../../schema/role.ts'
import { removedIdsArbitrary } from '../../testing/record-arbitraries.ts'
import { connector, workflowShape } from '../../testing/shape-records.ts'
import { approvalRoles, cleanApprovalMap } from '../../testing/small-maps.ts'
import { analyzeWorkflow } from '../analyze.ts'
import { createIncrementalInsights } from './incremental-insights.ts'

const ROLE_POOL: Role[] = [
  { id: 'role:a', name: 'A', color: '#c33', kind: 'person' },
  { id: 'role:b', name: 'B', color: '#36c', kind: 'ai-agent' },
  { id: 'role:c', name: 'C', color: '#999', kind: 'system' },
  { id: 'role:d', name: 'D', color: '#393', kind: 'team', capacity: 2 },
]

// Separate id pools per kind keep parent chains acyclic; within the node pool an id changes type when
// re-created (a step becomes a decision), as a remote edit can make it.
const nodeId = fc.constantFrom('n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7')
const laneId = fc.constantFrom('l1', 'l2')
const stageId = fc.constantFrom('s1', 's2')
const arrowId = fc.constantFrom('a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8')
const label = fc.constantFrom('', 'Review', 'Ship', 'x')
const roleRef = fc.constantFrom(null, 'role:a', 'role:b', 'role:c', 'role:d', 'role:gone')
const raciRoles = fc.subarray(['role:a', 'role:b', 'role:c', 'role:gone'], { maxLength: 2 })
const hours = fc.option(fc.constantFrom(1, 2, 5, 8), { nil: null })
const range = fc.option(fc.constantFrom({ min: 1, max: 9 }, { min: 0.5, max: 3 }), { nil: null })
const nodeParent = fc.constantFrom('page:page', 'shape:l1', 'shape:l2', 'shape:s1', 'shape:s2')
const coordinate = fc.constantFrom(0, 100, 200)

const upsertStep = fc
  .record({
    id: nodeId,
    parentId: nodeParent,
    x: coordinate,
    y: coordinate,
    label,
    description: label,
    owner: roleRef,
    status: fc.constantFrom('todo', 'doing', 'done', 'blocked') as fc.Arbitrary<'todo'>,
    automation: fc.constantFrom('manual', 'assisted', 'automated', 'ai-agent') as fc.Arbitrary<'manual'>,
    estimate: hours,
    estimateRange: range,
    wait: hours,
    waitRange: range,
    completeAccurate: fc.option(fc.constantFrom(50, 90, 100), { nil: null }),
    accountable: raciRoles,
    consulted: raciRoles,
    informed: raciRoles,
    w: fc.constantFrom(160, 200),
  })
  .map(({ id, parentId, x, y, ...props }) => [workflowShape('step', { id, parentId, x, y, props })])

const upsertNode: fc.Arbitrary<TLRecord[]> = fc.oneof(
  { weight: 4, arbitrary: upsertStep },
  {
    weight: 1,
    arbitrary: fc
      .record({ id: nodeId, parentId: nodeParent, x: coordinate, question: label, accountable: raciRoles })
      .map(({ id, parentId, x, ...props }) => [workflowShape('decision', { id, parentId, x, props })]),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        id: nodeId,
        parentId: nodeParent,
        kind: fc.constantFrom('start', 'end') as fc.Arbitrary<'start' | 'end'>,
        label,
      })
      .map(({ id, parentId, ...props }) => [workflowShape('event', { id, parentId, props })]),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ id: nodeId, parentId: nodeParent, label })
      .map(({ id, parentId, ...props }) => [workflowShape('artifact', { id, parentId, props })]),
  },
)
const upsertContainer: fc.Arbitrary<TLRecord[]> = fc.oneof(
  fc
    .record({
      id: laneId,
      parentId: fc.constantFrom('page:page', 'shape:s1', 'shape:s2'),
      label,
      roleId: roleRef,
    })
    .map(({ id, parentId, ...props }) => [workflowShape('lane', { id, parentId, props })]),
  fc
    .record({ id: stageId, label, order: fc.constantFrom(0, 1, 2) })
    .map(({ id, ...props }) => [workflowShape('stage', { id, props })]),
)
/** A connector drawn whole: arrow and both bindings in one transaction. */
const drawConnector: fc.Arbitrary<TLRecord[]> = fc
  .record({
    id: arrowId,
    from: nodeId,
    to: fc.oneof({ weight: 5, arbitrary: nodeId }, { weight: 1, arbitrary: laneId }),
    flow: fc.constantFrom('sequence', 'sequence', 'dependency', 'information') as fc.Arbitrary<'sequence'>,
    branch: fc.constantFrom(undefined, 'yes', 'no'),
  })
  .map(({ id, from, to, flow, branch }) =>
    connector({ id, from, to, flow, ...(branch === undefined ? {} : { branch }) }),
  )
/** One end of an existing arrow re-bound (the binding's id is fixed per arrow and end, as tldraw keeps one). */
const bindEnd: fc.Arbitrary<TLRecord[]> = fc
  .record({ arrow: arrowId, start: fc.boolean(), target: nodeId })
  .map(({ arrow, start, target }) =>
    connector({ id: arrow, from: start ? target : null, to: start ? null : target }).slice(1),
  )

/**
 * One field of whatever shape holds the id now, as a person edits it (a whole new record changes many
 * aspects at once and would hide a part that misses one): a rename, a move, a time, an owner.
 */
const tweak = fc
  .record({
    id: fc.oneof(
      { weight: 4, arbitrary: nodeId },
      { weight: 1, arbitrary: laneId },
      { weight: 1, arbitrary: stageId },
    ),
    change: fc.oneof(
      label.map((value) => ({ props: { label: value, question: value } })),
      fc.record({ x: coordinate, y: coordinate }).map((place) => ({ place })),
      fc
        .constantFrom('page:page', 'shape:l1', 'shape:l2', 'shape:s1')
        .map((parentId) => ({ place: { parentId } })),
      hours.map((estimate) => ({ props: { estimate } })),
      hours.map((wait) => ({ props: { wait } })),
      fc.constantFrom(50, 100).map((completeAccurate) => ({ props: { completeAccurate } })),
      roleRef.map((owner) => ({ props: { owner, roleId: owner } })),
      fc.constantFrom('manual', 'ai-agent', 'automated').map((automation) => ({ props: { automation } })),
      raciRoles.map((accountable) => ({ props: { accountable } })),
      fc.constantFrom('todo', 'done', 'blocked').map((status) => ({ props: { status } })),
      label.map((description) => ({ props: { description } })),
      fc.constantFrom('start', 'end').map((kind) => ({ props: { kind } })),
      fc.constantFrom(0, 1, 2).map((order) => ({ props: { order } })),
      fc.constantFrom(120, 300).map((w) => ({ props: { w } })),
    ),
  })
  .map(({ id, change }) => ({ kind: 'tweak' as const, id: shapeRef(id), change }))

/**
 * A map drawn with the generators' ids, so that tweaks and connectors hit it: two ways from the start
 * to the end (the critical path picks between them by hours), an AI step before a human review, two
 * lanes of different roles in two stages.
 *
 *   n1 start → n2 (AI, lane l1) → n3 (review, lane l2) → n5 end
 *           └→ n4 (lane l2, 5 h) ──────────────────────↗
 */
function poolMap(): TLRecord[] {
  return [
    workflowShape('stage', { id: 's1', props: { label: 'Plan', order: 0 } }),
    workflowShape('stage', { id: 's2', props: { label: 'Do', order: 1 } }),
    workflowShape('lane', { id: 'l1', parentId: 'shape:s1', props: { label: 'Bots', roleId: 'role:b' } }),
    workflowShape('lane', { id: 'l2', parentId: 'shape:s2', props: { label: 'People', roleId: 'role:a' } }),
    workflowShape('event', { id: 'n1', props: { kind: 'start' } }),
    workflowShape('step', {
      id: 'n2',
      parentId: 'shape:l1',
      props: { label: 'Draft', automation: 'ai-agent', estimate: 2, wait: 1 },
    }),
    workflowShape('step', { id: 'n3', parentId: 'shape:l2', x: 100, props: { label: 'Check', estimate: 2 } }),
    workflowShape('step', { id: 'n4', parentId: 'shape:l2', props: { label: 'Manual', estimate: 5 } }),
    workflowShape('event', { id: 'n5', props: { kind: 'end' } }),
    ...connector({ id: 'a1', from: 'n1', to: 'n2' }),
    ...connector({ id: 'a2', from: 'n2', to: 'n3' }),
    ...connector({ id: 'a3', from: 'n3', to: 'n5' }),
    ...connector({ id: 'a4', from: 'n1', to: 'n4' }),
    ...connector({ id: 'a5', from: 'n4', to: 'n5' }),
  ]
}

type Tweak = { props?: Record<string, unknown>; place?: Record<string, unknown> }

/** The record with the tweak's fields that its type has (a label on a decision is its question). */
function tweaked(record: TLRecord, change: Tweak): TLRecord | null {
  if (record.typeName !== 'shape') return null
  const props = record.props as Record<string, unknown>
  const known = Object.entries(change.props ?? {}).filter(([key]) => key in props)
  if (known.length === 0 && change.place === undefined) return null
  return { ...record, ...change.place, props: { ...props, ...Object.fromEntries(known) } } as TLRecord
}

type Edit =
  | { kind: 'upsert'; records: TLRecord[] }
  | { kind: 'tweak'; id: string; change: Tweak }
  | { kind: 'remove'; ids: string[] }
  | { kind: 'roles'; roles: Role[] }
  | { kind: 'contributors'; contributors: number | undefined }

const shapeRef = (id: string) => `shape:${id}`
const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .oneof(
        { weight: 4, arbitrary: upsertNode },
        { weight: 1, arbitrary: upsertContainer },
        { weight: 4, arbitrary: drawConnector },
        { weight: 1, arbitrary: bindEnd },
      )
      .map((records) => ({ kind: 'upsert' as const, records })),
  },
  { weight: 8, arbitrary: tweak },
  {
    weight: 2,
    arbitrary: removedIdsArbitrary({ nodeId, laneId, stageId, arrowId }).map((ids) => ({
      kind: 'remove' as const,
      ids,
    })),
  },
  { weight: 1, arbitrary: fc.subarray(ROLE_POOL).map((roles) => ({ kind: 'roles' as const, roles })) },
  {
    weight: 1,
    arbitrary: fc
      .option(fc.integer({ min: 0, max: 6 }), { nil: undefined })
      .map((contributors) => ({ kind: 'contributors' as const, contributors })),
  },
)

/** Applies the edits to a board that starts as `base`, comparing with a full analysis after every
 * `readEvery`th edit and the last (reading now and then lets edits pile up, as the panel's settle does). */
function expectFullAnalysisAfterEdits(base: TLRecord[], baseRoles: Role[], edits: Edit[], readEvery = 1) {
  let index = 0
  const board = new Map<string, TLRecord>(base.map((record) => [record.id, record]))
  let roles = baseRoles
  let contributors: number | undefined
  const incremental = createIncrementalInsights({ records: base, roles })
  for (const step of edits) {
    if (step.kind === 'upsert') {
      for (const record of step.records) board.set(record.id, record)
      incremental.applyRecords({ upserted: step.records, removed: [] })
    } else if (step.kind === 'tweak') {
      const record = board.get(step.id)
      const next = record === undefined ? null : tweaked(record, step.change)
      if (next === null) continue
      board.set(next.id, next)
      incremental.applyRecords({ upserted: [next], removed: [] })
    } else if (step.kind === 'remove') {
      const removed = step.ids.filter((id) => board.delete(id))
      incremental.applyRecords({ upserted: [], removed })
    } else if (step.kind === 'roles') {
      roles = step.roles
      incremental.setRoles(roles)
    } else {
      contributors = step.contributors
      incremental.setContributors(contributors)
    }
    if (index++ % readEvery !== 0 && index !== edits.length) continue
    const graph = toWorkflowGraph(board.values(), roles)
    expect(incremental.insights()).toEqual(
      analyzeWorkflow(graph, contributors === undefined ? {} : { contributors }),
    )
    expect(incremental.graph()).toEqual(graph)
  }
}

describe('incremental insights', () => {
  test('equal a full analysis after every step of random edits from an empty board', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 10, maxLength: 60 }), (edits) =>
        expectFullAnalysisAfterEdits([], ROLE_POOL, edits),
      ),
      { numRuns: 150 },
    )
  })

  test('equal a full analysis after every step of random edits to a whole approval map', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 5, maxLength: 40 }), (edits) =>
        expectFullAnalysisAfterEdits(cleanApprovalMap(), [...approvalRoles, ...ROLE_POOL], edits),
      ),
      { numRuns: 60 },
    )
  })

  test('equal a full analysis after every step of random edits to a map drawn with the same ids', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 30 }), (edits) =>
        expectFullAnalysisAfterEdits(poolMap(), ROLE_POOL, edits),
      ),
      { numRuns: 150 },
    )
  })

  test('equal a full analysis when several edits pile up between two reads', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 10, maxLength: 60 }), (edits) =>
        expectFullAnalysisAfterEdits([], ROLE_POOL, edits, 4),
      ),
      { numRuns: 100 },
    )
  })
})
