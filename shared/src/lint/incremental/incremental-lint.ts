import type { TLRecord } from '@tldraw/tlschema'
import type { RecordsChange } from '../../doc/observe-records.ts'
import type { WorkflowEdge, WorkflowNode } from '../../graph/workflow-graph.ts'
import type { Role } from '../../schema/role.ts'
import { decisionBranchesIssue } from '../decision-without-branches.ts'
import { dependencyCycleIssues } from '../dependency-cycle.ts'
import { duplicateLabelIssue, duplicateLabelKey } from '../duplicate-step-label.ts'
import { unreachableEndIssue } from '../end-unreachable.ts'
import { laneRoleIssue } from '../lane-without-role.ts'
import { LINT_RULES } from '../lint.ts'
import { LINT_RULE_IDS, type LintIssue, type LintRuleId } from '../lint-rule.ts'
import { looseEndIssue } from '../loose-connector.ts'
import { noStartIssue, unreachableStepIssue } from '../step-unreachable.ts'
import { stepOwnerIssue } from '../step-without-owner.ts'
import { createLiveGraph, type GraphDelta } from './live-graph.ts'
import { createLiveReachability } from './live-reachability.ts'

export type IncrementalLintOptions = {
  records: Iterable<TLRecord>
  roles: readonly Role[]
  /** Rule ids to skip (a board's `disabledLintRules`). */
  disabledRules?: Iterable<string>
}

/**
 * `lint(toWorkflowGraph(records, roles), { disabledRules })`, kept current change by change.
 * `issues()` always equals that full run as a set of issues (the property test checks it after every
 * step of random edit sequences); only the order of issues within a rule may differ.
 */
export type IncrementalLint = {
  /** One transaction's record changes (what `observeRecords` reports). */
  applyRecords(change: RecordsChange): void
  setRoles(roles: readonly Role[]): void
  setDisabledRules(ruleIds: Iterable<string>): void
  /** The current issues, rule by rule in `LINT_RULES` order. The same array until something changes. */
  issues(): readonly LintIssue[]
}

/**
 * Each rule's issues are kept by subject (a shape id, a duplicate group, the whole map for cycles),
 * and a change rechecks only the subjects it can affect:
 * - step-without-owner, lane-without-role, loose-connector: the changed node, lane or connector
 *   (every node and lane when the roles change);
 * - decision-without-branches: changed decisions and the decisions a changed connector leaves;
 * - duplicate-step-label: the label groups a changed step left or joined, and the groups of a
 *   renamed lane;
 * - step-unreachable, end-unreachable: changed nodes and the shapes whose reachability flipped
 *   (see live-reachability.ts);
 * - dependency-cycle: recomputed over the dependency connectors only, and only when one of them
 *   changes or a shape in a cycle is renamed.
 */
export function createIncrementalLint(options: IncrementalLintOptions): IncrementalLint {
  const graph = createLiveGraph(options.records)
  const reachability = createLiveReachability(graph)
  let roleById = new Map(options.roles.map((role) => [role.id, role]))
  let disabled = new Set(options.disabledRules ?? [])

  const bySubject = new Map<LintRuleId, Map<string, LintIssue[]>>(
    LINT_RULE_IDS.map((id) => [id, new Map<string, LintIssue[]>()]),
  )
  const ruleIssues = new Map<LintRuleId, LintIssue[]>()
  let all: LintIssue[] | null = null

  const labelGroups = new Map<string, Set<string>>()
  const groupsOfLane = new Map<string, Set<string>>()
  const steps = new Set<string>()
  const dependencyEdges = new Map<string, WorkflowEdge>()
  let cycleMembers = new Set<string>()

  function put(ruleId: LintRuleId, subject: string, issues: LintIssue | LintIssue[] | null) {
    const subjects = bySubject.get(ruleId)!
    const list = issues === null ? [] : Array.isArray(issues) ? issues : [issues]
    const had = subjects.has(subject)
    if (list.length === 0) subjects.delete(subject)
    else subjects.set(subject, list)
    // An unchanged absence keeps the rule's cached list (most edits touch most rules this way).
    if (had || list.length > 0) {
      ruleIssues.delete(ruleId)
      all = null
    }
  }

  function checkNodeLocally(node: WorkflowNode | undefined, id: string) {
    put('step-without-owner', id, node === undefined ? null : stepOwnerIssue(node, roleById))
  }

  function checkDecision(id: string) {
    const node = graph.nodes.get(id)
    put(
      'decision-without-branches',
      id,
      node === undefined ? null : decisionBranchesIssue(node, graph.outgoingOf(id)),
    )
  }

  function checkLabelGroup(key: string) {
    const members = [...(labelGroups.get(key) ?? [])].map((id) => graph.nodes.get(id)!)
    put('duplicate-step-label', key, duplicateLabelIssue(members, graph.lanes))
  }

  function moveLabelGroup(id: string, before: string | null, after: string | null, dirty: Set<string>) {
    if (before === after) {
      if (after !== null) dirty.add(after) // the label's spelling in the message may have changed
      return
    }
    if (before !== null) {
      const group = labelGroups.get(before)!
      group.delete(id)
      if (group.size === 0) {
        labelGroups.delete(before)
        const laneId = before.slice(0, before.indexOf('\u0000'))
        groupsOfLane.get(laneId)?.delete(before)
      }
      dirty.add(before)
    }
    if (after !== null) {
      const group = labelGroups.get(after)
      if (group) group.add(id)
      else {
        labelGroups.set(after, new Set([id]))
        const laneId = after.slice(0, after.indexOf('\u0000'))
        const keys = groupsOfLane.get(laneId)
        if (keys) keys.add(after)
        else groupsOfLane.set(laneId, new Set([after]))
      }
      dirty.add(after)
    }
  }

  function checkReachability(id: string) {
    const node = graph.nodes.get(id)
    const hasStart = reachability.startCount > 0
    put(
      'step-unreachable',
      id,
      node === undefined || !hasStart ? null : unreachableStepIssue(node, reachability.reached),
    )
    put('end-unreachable', id, node === undefined ? null : unreachableEndIssue(node, reachability.reached))
  }

  function checkNoStart() {
    const issue = reachability.startCount === 0 && steps.size > 0 ? noStartIssue([...steps]) : null
    put('step-unreachable', '', issue)
  }

  function checkCycles() {
    const issues = dependencyCycleIssues(dependencyEdges.values(), (id) => graph.nodes.get(id)?.label)
    cycleMembers = new Set(issues.flatMap((issue) => issue.shapeIds))
    put('dependency-cycle', '', issues)
  }

  function absorb(delta: GraphDelta) {
    const hadStart = reachability.startCount > 0
    const flipped = reachability.update(delta)
    const decisions = new Set<string>()
    const dirtyGroups = new Set<string>()
    let stepsChanged = false
    let cyclesChanged = false

    for (const [id, { before, after }] of delta.nodes) {
      checkNodeLocally(after, id)
      decisions.add(id)
      moveLabelGroup(
        id,
        before === undefined ? null : duplicateLabelKey(before),
        after === undefined ? null : duplicateLabelKey(after),
        dirtyGroups,
      )
      const isStep = after?.type === 'step'
      if (isStep !== steps.has(id)) {
        if (isStep) steps.add(id)
        else steps.delete(id)
        stepsChanged = true
      }
      if (cycleMembers.has(id) && before?.label !== after?.label) cyclesChanged = true
      flipped.add(id)
    }
    for (const [id, { before, after }] of delta.lanes) {
      put('lane-without-role', id, after === undefined ? null : laneRoleIssue(after, roleById))
      if (before?.label !== after?.label) for (const key of groupsOfLane.get(id) ?? []) dirtyGroups.add(key)
    }
    for (const [id, { before, after }] of delta.edges) {
      put('loose-connector', id, after === undefined ? null : looseEndIssue(after))
      if (before?.from != null) decisions.add(before.from)
      if (after?.from != null) decisions.add(after.from)
      if (before?.flow === 'dependency' || after?.flow === 'dependency') cyclesChanged = true
      if (after?.flow === 'dependency') dependencyEdges.set(id, after)
      else dependencyEdges.delete(id)
    }

    for (const id of decisions) checkDecision(id)
    for (const key of dirtyGroups) checkLabelGroup(key)
    const hasStart = reachability.startCount > 0
    if (hadStart !== hasStart) for (const id of steps) flipped.add(id)
    for (const id of flipped) checkReachability(id)
    if (stepsChanged || hadStart !== hasStart) checkNoStart()
    if (cyclesChanged) checkCycles()
  }

  function recheckRoles() {
    for (const [id, node] of graph.nodes) checkNodeLocally(node, id)
    for (const [id, lane] of graph.lanes) put('lane-without-role', id, laneRoleIssue(lane, roleById))
  }

  // The first run is the same walk over a delta that adds everything.
  absorb({
    nodes: new Map([...graph.nodes].map(([id, node]) => [id, { before: undefined, after: node }])),
    edges: new Map([...graph.edges].map(([id, edge]) => [id, { before: undefined, after: edge }])),
    lanes: new Map([...graph.lanes].map(([id, lane]) => [id, { before: undefined, after: lane }])),
  })
  checkNoStart()
  checkCycles()

  return {
    applyRecords(change) {
      if (change.upserted.length === 0 && change.removed.length === 0) return
      absorb(graph.apply(change))
    },
    setRoles(roles) {
      roleById = new Map(roles.map((role) => [role.id, role]))
      recheckRoles()
    },
    setDisabledRules(ruleIds) {
      disabled = new Set(ruleIds)
      all = null
    },
    issues() {
      if (all !== null) return all
      all = []
      for (const rule of LINT_RULES) {
        if (disabled.has(rule.id)) continue
        let issues = ruleIssues.get(rule.id)
        if (issues === undefined) {
          issues = [...bySubject.get(rule.id)!.values()].flat()
          ruleIssues.set(rule.id, issues)
        }
        for (const issue of issues) all.push(issue)
      }
      return all
    },
  }
}
