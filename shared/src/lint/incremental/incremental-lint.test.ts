import type { TLRecord } from '@tldraw/tlschema'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { writeBoard } from '../../doc/board.ts'
import { deleteRecords, readRecords, writeRecords } from '../../doc/records.ts'
import { writeRole } from '../../doc/roles.ts'
import { toWorkflowGraph } from '../../graph/to-workflow-graph.ts'
import type { Role } from '../../schema/role.ts'
import { generateWorkflowMap } from '../../testing/generate-workflow-map.ts'
import { removedIdsArbitrary } from '../../testing/record-arbitraries.ts'
import { connector, workflowShape } from '../../testing/shape-records.ts'
import { approvalRoles, cleanApprovalMap } from '../../testing/small-maps.ts'
import { lint } from '../lint.ts'
import { LINT_RULE_IDS, type LintIssue } from '../rules.ts'
import { createIncrementalLint } from './incremental-lint.ts'
import { observeLint } from './observe-lint.ts'

/** Issues as a sorted list of strings: the incremental lint promises the same set, in any order. */
function canonical(issues: readonly LintIssue[]): string[] {
  return issues.map((issue) => JSON.stringify(issue)).sort()
}

const ROLE_POOL: Role[] = [
  { id: 'role:a', name: 'A', color: '#c33', kind: 'person' },
  { id: 'role:b', name: 'B', color: '#36c', kind: 'ai-agent' },
  { id: 'role:c', name: 'C', color: '#999', kind: 'system' },
]

// Separate id pools per kind keep parent chains acyclic (a parent cycle is a state the board repair
// removes before anything reads it); within the node pool, an id changes type when re-created.
const nodeId = fc.constantFrom('n1', 'n2', 'n3', 'n4', 'n5', 'n6')
const laneId = fc.constantFrom('l1', 'l2')
const stageId = fc.constantFrom('s1')
const arrowId = fc.constantFrom('a1', 'a2', 'a3', 'a4', 'a5')
const label = fc.constantFrom('', 'Review', ' review', 'Ship', 'x')
const roleRef = fc.constantFrom(null, 'role:a', 'role:b')
/** RACI columns: role ids of the pool, and one of a role that never exists. */
const raciRoles = fc.subarray(['role:a', 'role:b', 'role:c', 'role:gone'], { maxLength: 2 })
const automation = fc.constantFrom('manual', 'assisted', 'automated', 'ai-agent') as fc.Arbitrary<
  'manual' | 'assisted' | 'automated' | 'ai-agent'
>
const nodeParent = fc.constantFrom('page:page', 'shape:l1', 'shape:l2', 'shape:s1')

const upsertNode: fc.Arbitrary<TLRecord[]> = fc.oneof(
  fc
    .record({ id: nodeId, parentId: nodeParent, label, owner: roleRef, automation, accountable: raciRoles })
    .map(({ id, parentId, ...props }) => [workflowShape('step', { id, parentId, props })]),
  fc
    .record({ id: nodeId, parentId: nodeParent, question: label, accountable: raciRoles })
    .map(({ id, parentId, ...props }) => [workflowShape('decision', { id, parentId, props })]),
  fc
    .record({
      id: nodeId,
      parentId: nodeParent,
      kind: fc.constantFrom('start', 'end') as fc.Arbitrary<'start' | 'end'>,
      label,
    })
    .map(({ id, parentId, kind, label }) => [
      workflowShape('event', { id, parentId, props: { kind, label } }),
    ]),
  fc
    .record({ id: nodeId, parentId: nodeParent })
    .map(({ id, parentId }) => [workflowShape('artifact', { id, parentId })]),
)
const upsertContainer: fc.Arbitrary<TLRecord[]> = fc.oneof(
  fc
    .record({ id: laneId, parentId: fc.constantFrom('page:page', 'shape:s1'), label, roleId: roleRef })
    .map(({ id, parentId, label, roleId }) => [
      workflowShape('lane', { id, parentId, props: { label, roleId } }),
    ]),
  stageId.map((id) => [workflowShape('stage', { id, props: { label: 'Stage' } })]),
)
const upsertArrow: fc.Arbitrary<TLRecord[]> = fc
  .record({
    id: arrowId,
    flow: fc.constantFrom(undefined, 'sequence', 'dependency', 'information') as fc.Arbitrary<
      'sequence' | 'dependency' | 'information' | undefined
    >,
    branch: fc.constantFrom(undefined, 'yes', 'no'),
    text: fc.constantFrom(undefined, '', 'maybe'),
  })
  .map(({ id, flow, branch, text }) => [
    connector({
      id,
      from: null,
      to: null,
      ...(flow === undefined ? {} : { flow }),
      ...(branch === undefined ? {} : { branch }),
      ...(text === undefined ? {} : { text }),
    })[0]!,
  ])
/** Binds one end of an arrow (the binding's id is fixed per arrow and end, as tldraw keeps one). */
const bindEnd: fc.Arbitrary<TLRecord[]> = fc
  .record({
    arrow: arrowId,
    start: fc.boolean(),
    target: fc.oneof(nodeId, laneId, fc.constant('a1')),
  })
  .map(({ arrow, start, target }) =>
    connector({ id: arrow, from: start ? target : null, to: start ? null : target }).slice(1),
  )
/** A connector drawn whole: arrow and both bindings in one transaction. */
const drawConnector: fc.Arbitrary<TLRecord[]> = fc
  .record({
    id: arrowId,
    from: nodeId,
    to: nodeId,
    flow: fc.constantFrom('sequence', 'dependency', 'information') as fc.Arbitrary<
      'sequence' | 'dependency' | 'information'
    >,
    branch: fc.constantFrom(undefined, 'yes', 'no'),
  })
  .map(({ id, from, to, flow, branch }) =>
    connector({ id, from, to, flow, ...(branch === undefined ? {} : { branch }) }),
  )

type Edit =
  | { kind: 'upsert'; records: TLRecord[] }
  | { kind: 'remove'; ids: string[] }
  | { kind: 'roles'; roles: Role[] }
  | { kind: 'disable'; ruleIds: string[] }

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .oneof(upsertNode, upsertContainer, upsertArrow, bindEnd, drawConnector)
      .map((records) => ({ kind: 'upsert' as const, records })),
  },
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
      .subarray([...LINT_RULE_IDS], { maxLength: 3 })
      .map((ruleIds) => ({ kind: 'disable' as const, ruleIds })),
  },
)

/** Applies the edits to a board that starts as `base`, comparing the incremental lint with a full run after each. */
function expectFullLintAfterEachEdit(base: TLRecord[], edits: Edit[]) {
  const board = new Map<string, TLRecord>(base.map((record) => [record.id, record]))
  let roles: Role[] = [...ROLE_POOL]
  let disabledRules: string[] = []
  const incremental = createIncrementalLint({ records: base, roles })
  for (const step of edits) {
    if (step.kind === 'upsert') {
      for (const record of step.records) board.set(record.id, record)
      incremental.applyRecords({ upserted: step.records, removed: [] })
    } else if (step.kind === 'remove') {
      const removed = step.ids.filter((id) => board.delete(id))
      incremental.applyRecords({ upserted: [], removed })
    } else if (step.kind === 'roles') {
      roles = step.roles
      incremental.setRoles(roles)
    } else {
      disabledRules = step.ruleIds
      incremental.setDisabledRules(disabledRules)
    }
    const full = lint(toWorkflowGraph(board.values(), roles), { disabledRules })
    expect(canonical(incremental.issues())).toEqual(canonical(full))
  }
}

describe('incremental lint', () => {
  test('equals a full lint run after every step of a random edit sequence', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 60 }), (edits) =>
        expectFullLintAfterEachEdit([], edits),
      ),
      { numRuns: 2000 },
    )
    // 2,000 sequences take 3–10 s on a loaded 2-core machine: a deadline here may only catch a hang.
  }, 120_000)

  test('equals a full lint run over random flows of steps, loops and Ends', () => {
    // The edits above rarely build a start, a chain and an End at once. Here five steps lie between
    // a start (f1) that always reaches an End (f7) by a connector of its own, and every edit draws or deletes a sequence
    // connector or turns a shape into a step, a start or an End: loops without a way out, and
    // branches that stop behind others (what reaches an End, kept live backwards), come up in most
    // sequences while the flow still finishes somewhere.
    const base = [
      workflowShape('event', { id: 'f1', props: { kind: 'start' } }),
      workflowShape('event', { id: 'f7', props: { kind: 'end' } }),
      ...connector({ id: 'e0', from: 'f1', to: 'f7' }),
      ...['f2', 'f3', 'f4', 'f5', 'f6'].map((id) =>
        workflowShape('step', { id, props: { label: id, owner: 'role:a' } }),
      ),
    ]
    const flowNode = fc.constantFrom('f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7')
    const retyped = fc.constantFrom('f2', 'f3', 'f4', 'f5', 'f6')
    const flowArrow = fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9')
    const flowEdit: fc.Arbitrary<Edit> = fc.oneof(
      {
        weight: 5,
        arbitrary: fc
          .record({
            id: flowArrow,
            from: flowNode,
            to: flowNode,
            flow: fc.constantFrom('sequence', 'sequence', 'sequence', 'information') as fc.Arbitrary<
              'sequence' | 'information'
            >,
          })
          .map(({ id, from, to, flow }) => ({
            kind: 'upsert' as const,
            records: connector({ id, from, to, flow }),
          })),
      },
      {
        weight: 2,
        arbitrary: flowArrow.map((id) => ({
          kind: 'remove' as const,
          ids: [`shape:${id}`, `binding:${id}-start`, `binding:${id}-end`],
        })),
      },
      {
        weight: 3,
        arbitrary: fc
          .record({
            id: retyped,
            as: fc.constantFrom('step', 'step', 'step', 'start', 'end', 'decision', 'artifact'),
            label,
            owner: fc.constantFrom('role:a', 'role:a', 'role:b', 'role:c'),
            automation,
            accountable: raciRoles,
          })
          .map(({ id, as, label, owner, automation, accountable }) => ({
            kind: 'upsert' as const,
            records: [
              as === 'step'
                ? workflowShape('step', { id, props: { label, owner, automation, accountable } })
                : as === 'decision'
                  ? workflowShape('decision', { id, props: { question: label, accountable } })
                  : as === 'artifact'
                    ? workflowShape('artifact', { id, props: { label } })
                    : workflowShape('event', { id, props: { kind: as, label } }),
            ],
          })),
      },
    )
    // Steps take any automation, owner and accountable roles, and some shapes become decisions or
    // artifacts: the RACI and AI rules (the AI review walk above all) see their inputs change.
    const roleEdit: fc.Arbitrary<Edit> = fc
      .subarray(ROLE_POOL)
      .map((roles) => ({ kind: 'roles' as const, roles }))
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 12, arbitrary: flowEdit }, { weight: 1, arbitrary: roleEdit }), {
          minLength: 1,
          maxLength: 40,
        }),
        (edits) => expectFullLintAfterEachEdit(base, edits),
      ),
      { numRuns: 500 },
    )
  }, 120_000)

  test('a connector from a shape to itself, re-pointed at one end, still hears of that shape going', () => {
    // Found by the property above: both ends bound to one shape, one end moved elsewhere, then the
    // shape removed. The index of bindings by target must count each end, not the arrow once.
    const artifact = workflowShape('artifact', { id: 'n2' })
    const selfLoop = connector({ id: 'a5', from: 'n2', to: 'n2', flow: 'sequence' })
    const board = new Map<string, TLRecord>([artifact, ...selfLoop].map((record) => [record.id, record]))
    const incremental = createIncrementalLint({ records: [...board.values()], roles: [] })
    const repointed = connector({ id: 'a5', from: null, to: 'n6', flow: 'sequence' }).slice(1)
    for (const record of repointed) board.set(record.id, record)
    incremental.applyRecords({ upserted: repointed, removed: [] })
    board.delete('shape:n2')
    incremental.applyRecords({ upserted: [], removed: ['shape:n2'] })
    const full = lint(toWorkflowGraph(board.values(), []))
    expect(full.map((issue) => issue.message)).toContain(
      'Connector has both ends loose: attach them to a shape',
    )
    expect(canonical(incremental.issues())).toEqual(canonical(full))
  })

  test("an AI step's unreviewed output names the same way out whatever order its connectors come in", () => {
    // Found by the property above: the agent's step (role:b) leads to a system's dead end (f6) and to
    // the End (f7); the live graph lists f2's connectors in drawing order, a full run in record order.
    const aiStep = workflowShape('step', { id: 'f2', props: { owner: 'role:b' } })
    const systemStep = workflowShape('step', { id: 'f6', props: { owner: 'role:c' } })
    const end = workflowShape('event', { id: 'f7', props: { kind: 'end' } })
    const early = connector({ id: 'e2', from: 'f6', to: 'f6' })
    const board = new Map<string, TLRecord>(
      [aiStep, systemStep, end, ...early].map((record) => [record.id, record]),
    )
    const incremental = createIncrementalLint({ records: [...board.values()], roles: ROLE_POOL })
    const edits = [
      connector({ id: 'e1', from: 'f2', to: 'f6' }),
      connector({ id: 'e2', from: 'f2', to: 'f7' }),
    ]
    for (const records of edits) {
      for (const record of records) board.set(record.id, record)
      incremental.applyRecords({ upserted: records, removed: [] })
    }
    const full = lint(toWorkflowGraph(board.values(), ROLE_POOL))
    expect(full.find((issue) => issue.ruleId === 'ai-output-unreviewed')?.shapeIds).toEqual([
      'shape:f2',
      'shape:f6',
    ])
    expect(canonical(incremental.issues())).toEqual(canonical(full))
  })

  test('starts from a whole board with the same issues as a full run', () => {
    const map = generateWorkflowMap({ nodes: 400, edges: 700, seed: 5 })
    const incremental = createIncrementalLint({ records: map.records, roles: map.roles })
    const full = lint(toWorkflowGraph(map.records, map.roles))
    expect(full.length).toBeGreaterThan(0)
    expect(canonical(incremental.issues())).toEqual(canonical(full))
  })

  test('a change that brings a whole board at once (a first sync) ends equal to a full run, and edits go on from there', () => {
    const map = generateWorkflowMap({ nodes: 600, edges: 900, seed: 9 })
    const incremental = createIncrementalLint({ records: [], roles: map.roles })
    incremental.applyRecords({ upserted: map.records, removed: [] })
    expect(canonical(incremental.issues())).toEqual(canonical(lint(toWorkflowGraph(map.records, map.roles))))
    const removed = map.records
      .filter((record) => record.id.startsWith('shape:node-1'))
      .map((record) => record.id)
    incremental.applyRecords({ upserted: [], removed })
    const left = map.records.filter((record) => !removed.includes(record.id))
    expect(canonical(incremental.issues())).toEqual(canonical(lint(toWorkflowGraph(left, map.roles))))
  })

  test('renaming a shape in a dependency cycle rewrites the cycle message that quotes its label', () => {
    // The property above rarely renames a cycle member; the edge-set scope rechecks on it.
    const records = [
      workflowShape('step', { id: 'a', props: { label: 'Draft', owner: 'role:a' } }),
      workflowShape('step', { id: 'b', props: { label: 'Review', owner: 'role:a' } }),
      ...connector({ id: 'ab', from: 'a', to: 'b', flow: 'dependency' }),
      ...connector({ id: 'ba', from: 'b', to: 'a', flow: 'dependency' }),
    ]
    const incremental = createIncrementalLint({ records, roles: ROLE_POOL })
    const renamed = workflowShape('step', { id: 'a', props: { label: 'Write', owner: 'role:a' } })
    incremental.applyRecords({ upserted: [renamed], removed: [] })
    const cycle = incremental.issues().find((issue) => issue.ruleId === 'dependency-cycle')
    expect(cycle?.message).toBe(
      'Dependency cycle: "Write", "Review" all wait on each other; remove one of these dependencies',
    )
  })

  test('a disabled rule id that names no rule switches nothing off', () => {
    const map = generateWorkflowMap({ nodes: 60, edges: 90, seed: 3 })
    const incremental = createIncrementalLint({ records: map.records, roles: map.roles })
    const before = canonical(incremental.issues())
    incremental.setDisabledRules(['no-such-rule', ''])
    expect(canonical(incremental.issues())).toEqual(before)
    expect(before.length).toBeGreaterThan(0)
  })

  test('keeps the same issue list (same array) while an edit changes no issue', () => {
    const incremental = createIncrementalLint({ records: cleanApprovalMap(), roles: approvalRoles })
    const before = incremental.issues()
    incremental.applyRecords({
      upserted: [workflowShape('step', { id: 'sign', x: 300, props: { label: 'Sign', owner: 'role:bot' } })],
      removed: [],
    })
    expect(incremental.issues()).toBe(before)
  })
})

describe('observeLint', () => {
  test('reports a decision with one branch, and clears it when the second branch is drawn', () => {
    const doc = new Y.Doc()
    for (const role of approvalRoles) writeRole(doc, role)
    const withoutSecondBranch = cleanApprovalMap().filter((record) => !record.id.includes('c4'))
    writeRecords(doc, withoutSecondBranch)
    const reports: string[][] = []
    const stop = observeLint(doc, (issues) => reports.push(issues.map((issue) => issue.ruleId)))
    expect(reports.at(-1)).toContain('decision-without-branches')
    writeRecords(doc, connector({ id: 'c4', from: 'approve', to: 'reject', branch: 'no' }))
    expect(reports.at(-1)).toEqual([])
    writeBoard(doc, { disabledLintRules: ['step-unreachable'] })
    deleteRecords(doc, ['shape:c1', 'binding:c1-start', 'binding:c1-end'])
    // Nothing reaches the steps now, but that rule is switched off for this board: only the end shows.
    expect(reports.at(-1)).toEqual(['end-unreachable'])
    stop()
    writeRecords(doc, [workflowShape('lane', { id: 'unbound' })])
    expect(reports.at(-1)).toEqual(['end-unreachable'])
  })

  /** A doc holding a generated map, and a scheduler whose tasks run when the test says. */
  function bigBoard() {
    const map = generateWorkflowMap({ nodes: 120, edges: 160, seed: 7 })
    const doc = new Y.Doc()
    for (const role of map.roles) writeRole(doc, role)
    const tasks: (() => void)[] = []
    const runAll = () => {
      let ran = 0
      while (tasks.length > 0) {
        tasks.shift()!()
        ran++
      }
      return ran
    }
    const fullLint = () => canonical(lint(toWorkflowGraph(readRecords(doc), map.roles)))
    return { map, doc, tasks, runAll, fullLint, schedule: (task: () => void) => void tasks.push(task) }
  }

  test('takes a big board in slices, one task each, and reports once, with what a full lint finds', () => {
    const { map, doc, runAll, fullLint, schedule } = bigBoard()
    writeRecords(doc, map.records)
    const reports: (readonly LintIssue[])[] = []
    observeLint(doc, (issues) => reports.push(issues), { sliceSize: 50, schedule })
    // Nothing yet: a half-read board would report findings that are not there.
    expect(reports).toEqual([])
    expect(runAll()).toBe(Math.ceil(map.records.length / 50))
    expect(reports).toHaveLength(1)
    expect(reports[0]!.length).toBeGreaterThan(0)
    expect(canonical(reports[0]!)).toEqual(fullLint())
  })

  test('a big change (a first sync) is sliced too, and edits made while slices wait are not lost', () => {
    const { map, doc, tasks, runAll, schedule } = bigBoard()
    const reports: (readonly LintIssue[])[] = []
    const stop = observeLint(doc, (issues) => reports.push(issues), { sliceSize: 50, schedule })
    expect(reports).toEqual([[]]) // the empty board, at once
    writeRecords(doc, map.records) // one transaction of every record, as a first sync is
    expect(reports).toHaveLength(1)
    // Between slices: a step deleted, a connector redrawn, a lane renamed, a step added.
    tasks.shift()!()
    const [step] = map.records.filter((record) => record.typeName === 'shape' && record.type === 'step')
    deleteRecords(doc, [step!.id])
    writeRecords(doc, [workflowShape('step', { id: 'late', x: 9000, props: { label: 'Late' } })])
    writeRole(doc, { id: 'role:new', name: 'New', color: '#0a0', kind: 'team' })
    expect(reports).toHaveLength(1)
    runAll()
    expect(reports).toHaveLength(2)
    const roles = [...map.roles, { id: 'role:new', name: 'New', color: '#0a0', kind: 'team' as const }]
    expect(canonical(reports[1]!)).toEqual(canonical(lint(toWorkflowGraph(readRecords(doc), roles))))
    // The late step (nothing reaches it) is found; the deleted one is gone from every finding.
    expect(JSON.stringify(reports[1])).toContain('shape:late')
    expect(JSON.stringify(reports[1])).not.toContain(`"${step!.id}"`)
    // Ordinary edits are taken in at once again.
    deleteRecords(doc, ['shape:late'])
    expect(reports).toHaveLength(3)
    expect(tasks).toEqual([])
    stop()
  })

  test('stops slicing once unsubscribed', () => {
    const { map, doc, tasks, schedule } = bigBoard()
    writeRecords(doc, map.records)
    const reports: unknown[] = []
    const stop = observeLint(doc, (issues) => reports.push(issues), { sliceSize: 50, schedule })
    tasks.shift()!()
    stop()
    while (tasks.length > 0) tasks.shift()!()
    expect(reports).toEqual([])
  })
})
