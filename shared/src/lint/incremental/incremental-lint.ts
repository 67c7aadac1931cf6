import type { TLRecord } from '@tldraw/tlschema'
import { namesAccountable } from '../../analysis/raci.ts'
import type { RecordsChange } from '../../doc/observe-records.ts'
import type { Role } from '../../schema/role.ts'
import { issueOf } from '../lint-rule.ts'
import type { LintView } from '../lint-view.ts'
import { LINT_RULES, type LintIssue } from '../rules.ts'
import { createLiveGraph, type GraphDelta } from './live-graph.ts'
import { createLiveEndReachability, createLiveReachability } from './live-reachability.ts'
import { trackScope } from './track-scope.ts'

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
 * Each rule's issues are kept by scope and subject (a shape id, a group key, the whole map), and a
 * change rechecks only the subjects it can affect: each scope kind says which (see `LintScope`, and
 * `trackScope` for how). Reachability, forward from the starts and backward from the Ends, is kept
 * live once for every rule that reads it (live-reachability.ts); the graph itself is rebuilt part by part (live-graph.ts).
 */
export function createIncrementalLint(options: IncrementalLintOptions): IncrementalLint {
  const graph = createLiveGraph(options.records)
  const reachability = createLiveReachability(graph)
  const endReachability = createLiveEndReachability(graph)
  /** The End events a start reaches: kept from each change's flipped shapes and changed nodes. */
  const reachedEnds = new Set<string>()
  /** Steps and decisions that name an accountable role: the map uses RACI while any do. */
  let namingAccountable = 0
  let roleById = new Map(options.roles.map((role) => [role.id, role]))
  let disabled = new Set(options.disabledRules ?? [])
  const view: LintView = {
    get roleById() {
      return roleById
    },
    nodeById: graph.nodes,
    laneById: graph.lanes,
    outgoingOf: (shapeId) => graph.outgoingOf(shapeId),
    reached: reachability.reached,
    get hasStart() {
      return reachability.rootCount > 0
    },
    get endReached() {
      return reachedEnds.size > 0
    },
    reachesEnd: endReachability.reached,
    get usesRaci() {
      return namingAccountable > 0
    },
  }

  let all: LintIssue[] | null = null
  const rules = LINT_RULES.map((rule) => {
    const state = {
      rule,
      bySubject: rule.scopes.map(() => new Map<string, LintIssue[]>()),
      /** The rule's issues, all scopes in order; null once a subject changed. */
      issues: null as LintIssue[] | null,
    }
    const trackers = rule.scopes.map((scope, index) => {
      const subjects = state.bySubject[index]!
      return trackScope(scope, graph, view, (subject, findings) => {
        const list =
          findings === null
            ? []
            : Array.isArray(findings)
              ? findings.map((finding) => issueOf(rule, finding))
              : [issueOf(rule, findings)]
        const had = subjects.has(subject)
        if (list.length === 0) subjects.delete(subject)
        else subjects.set(subject, list)
        // An unchanged absence keeps the rule's cached list (most edits touch most rules this way).
        if (had || list.length > 0) {
          state.issues = null
          all = null
        }
      })
    })
    return { state, trackers }
  })
  const trackers = rules.flatMap((rule) => rule.trackers)

  function absorb(delta: GraphDelta) {
    const hadStart = reachability.rootCount > 0
    const flipped = reachability.update(delta)
    const reachesEndFlipped = endReachability.update(delta)
    const hadEndReached = reachedEnds.size > 0
    for (const id of [...flipped, ...delta.nodes.keys()]) {
      const node = graph.nodes.get(id)
      const isEnd = node?.shape.type === 'event' && node.shape.props.kind === 'end'
      if (isEnd && reachability.reached.has(id)) reachedEnds.add(id)
      else reachedEnds.delete(id)
    }
    const usedRaci = namingAccountable > 0
    for (const { before, after } of delta.nodes.values()) {
      if (before !== undefined && namesAccountable(before)) namingAccountable--
      if (after !== undefined && namesAccountable(after)) namingAccountable++
    }
    const change = {
      delta,
      raciInUseFlipped: usedRaci !== namingAccountable > 0,
      flipped,
      startPresenceFlipped: hadStart !== reachability.rootCount > 0,
      endReachedFlipped: hadEndReached !== reachedEnds.size > 0,
      reachesEndFlipped,
    }
    for (const tracker of trackers) tracker.absorb(change)
  }

  // The first run is the same walk over a delta that adds everything.
  absorb({
    nodes: new Map([...graph.nodes].map(([id, node]) => [id, { before: undefined, after: node }])),
    edges: new Map([...graph.edges].map(([id, edge]) => [id, { before: undefined, after: edge }])),
    lanes: new Map([...graph.lanes].map(([id, lane]) => [id, { before: undefined, after: lane }])),
  })

  return {
    applyRecords(change) {
      if (change.upserted.length === 0 && change.removed.length === 0) return
      absorb(graph.apply(change))
    },
    setRoles(roles) {
      roleById = new Map(roles.map((role) => [role.id, role]))
      for (const tracker of trackers) tracker.rolesChanged()
    },
    setDisabledRules(ruleIds) {
      disabled = new Set(ruleIds)
      all = null
    },
    issues() {
      if (all !== null) return all
      all = []
      for (const { state } of rules) {
        if (disabled.has(state.rule.id)) continue
        state.issues ??= state.bySubject.flatMap((subjects) => [...subjects.values()].flat())
        for (const issue of state.issues) all.push(issue)
      }
      return all
    },
  }
}
