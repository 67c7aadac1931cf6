import type { WorkflowEdge, WorkflowGraph, WorkflowLane, WorkflowNode } from '../graph/workflow-graph.ts'
import { fullLintView, type LintView } from './lint-view.ts'

export type LintSeverity = 'error' | 'warning'

/** What a check says about its subject; the rule stamps its id and severity on it. */
export type LintFinding = {
  /** Names the shape and says what to do: 'Step "Review" has no owner: ...'. */
  message: string
  /** The shapes to select and zoom to, the most relevant first. */
  shapeIds: string[]
}

/** One finding of one rule. Issues are shown live and never block editing. */
export type LintIssueOf<Id extends string> = {
  ruleId: Id
  severity: LintSeverity
  message: string
  shapeIds: string[]
}

/** What a per-shape check reads besides its subject: a change to one of these rechecks it. */
export type LintRead = 'roles' | 'outgoing' | 'reachability' | 'end-reached' | 'reaches-end' | 'raci-in-use'

/**
 * What a rule checks, and so what a change can affect (the incremental lint rechecks only that):
 * - `node`, `lane`, `edge`: each one on its own, reading nothing else but what it `reads`. Rechecked
 *   when it changes, and when what it reads changes: the roles (every one), its outgoing connectors
 *   (the shape a changed connector leaves), reachability (the shapes whose reached status flipped,
 *   every one when the map gains its first start or loses its last), whether the flow reaches an End
 *   (every one when that flips), whether an End is reached from it (the shapes where that flipped),
 *   whether the map uses RACI (`LintView.usesRaci`: every one when that flips).
 * - `walk`: each node `includes` selects, checked by a walk from it over the map; the check returns
 *   every shape it looked at, and the node is rechecked when one of those changes, or a connector
 *   leaving one of them does, or the roles change (`includes` and the check may read them).
 * - `lane-group`: the nodes `keyOf` puts together, all in one lane (the check may read that lane's
 *   label). Rechecked when a node joins or leaves the group or changes in it, and when the lane is
 *   renamed.
 * - `node-set`: the ids of every node `includes` selects, with whether the map has a start.
 *   Rechecked when the selection changes or the map gains its first start or loses its last.
 * - `edge-set`: every connector `includes` selects, together (a cycle needs them all). Rechecked when
 *   a selected connector changes, or a node its findings name is renamed.
 */
export type LintScope =
  | {
      kind: 'node'
      reads: readonly LintRead[]
      check(node: WorkflowNode, view: LintView): LintFinding | null
    }
  | {
      kind: 'lane'
      reads: readonly Extract<LintRead, 'roles'>[]
      check(lane: WorkflowLane, view: LintView): LintFinding | null
    }
  | { kind: 'edge'; check(edge: WorkflowEdge, view: LintView): LintFinding | null }
  | {
      kind: 'walk'
      includes(node: WorkflowNode, view: LintView): boolean
      check(node: WorkflowNode, view: LintView): { finding: LintFinding | null; visited: Iterable<string> }
    }
  | {
      kind: 'lane-group'
      /** Nodes with the same key form a group; null leaves the node out. */
      keyOf(node: WorkflowNode): string | null
      check(members: readonly WorkflowNode[], view: LintView): LintFinding | null
    }
  | {
      kind: 'node-set'
      includes(node: WorkflowNode): boolean
      check(nodeIds: readonly string[], view: LintView): LintFinding | null
    }
  | {
      kind: 'edge-set'
      includes(edge: WorkflowEdge): boolean
      check(edges: Iterable<WorkflowEdge>, view: LintView): LintFinding[]
    }

export type LintRuleDefinition<Id extends string> = {
  id: Id
  title: string
  /** Every finding of the rule has this severity. */
  severity: LintSeverity
  /** What it checks; most rules have one scope, a rule with a whole-map finding has two. */
  scopes: readonly LintScope[]
}

export type LintRule<Id extends string = string> = LintRuleDefinition<Id> & {
  /** Every issue of the rule on the whole graph: each scope over all of its subjects. */
  check(graph: WorkflowGraph): LintIssueOf<Id>[]
}

/** A rule from its definition: the full check is each scope run over the whole graph. */
export function defineRule<const Id extends string>(definition: LintRuleDefinition<Id>): LintRule<Id> {
  const rule: LintRule<Id> = {
    ...definition,
    check(graph) {
      const view = fullLintView(graph)
      const issues: LintIssueOf<Id>[] = []
      for (const scope of definition.scopes)
        for (const finding of scopeFindings(scope, graph, view)) issues.push(issueOf(rule, finding))
      return issues
    },
  }
  return rule
}

/** The finding stamped with its rule's id and severity. */
export function issueOf<Id extends string>(
  rule: LintRuleDefinition<Id>,
  finding: LintFinding,
): LintIssueOf<Id> {
  return { ruleId: rule.id, severity: rule.severity, message: finding.message, shapeIds: finding.shapeIds }
}

/** The scope run over the whole graph, in graph order. */
function scopeFindings(scope: LintScope, graph: WorkflowGraph, view: LintView): LintFinding[] {
  const findings: LintFinding[] = []
  const keep = (finding: LintFinding | null) => {
    if (finding !== null) findings.push(finding)
  }
  switch (scope.kind) {
    case 'node':
      for (const node of graph.nodes) keep(scope.check(node, view))
      return findings
    case 'lane':
      for (const lane of graph.lanes) keep(scope.check(lane, view))
      return findings
    case 'edge':
      for (const edge of graph.edges) keep(scope.check(edge, view))
      return findings
    case 'walk':
      for (const node of graph.nodes) if (scope.includes(node, view)) keep(scope.check(node, view).finding)
      return findings
    case 'lane-group': {
      const groups = new Map<string, WorkflowNode[]>()
      for (const node of graph.nodes) {
        const key = scope.keyOf(node)
        if (key === null) continue
        const group = groups.get(key)
        if (group) group.push(node)
        else groups.set(key, [node])
      }
      for (const group of groups.values()) keep(scope.check(group, view))
      return findings
    }
    case 'node-set':
      keep(
        scope.check(
          graph.nodes.filter((node) => scope.includes(node)).map((node) => node.id),
          view,
        ),
      )
      return findings
    case 'edge-set':
      return scope.check(
        graph.edges.filter((edge) => scope.includes(edge)),
        view,
      )
    default: {
      const unreachable: never = scope
      throw new Error(`unknown lint scope ${JSON.stringify(unreachable)}`)
    }
  }
}

/** How a shape is named in a message: its label in quotes, or its kind when it has none. */
export function quoteLabel(label: string, fallback: string): string {
  const trimmed = label.trim()
  return trimmed === '' ? fallback : `"${trimmed.length > 60 ? `${trimmed.slice(0, 60)}…` : trimmed}"`
}
