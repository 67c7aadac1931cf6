import type { WorkflowGraph } from '../graph/workflow-graph.ts'
import { decisionWithoutBranches } from './decision-without-branches.ts'
import { dependencyCycle } from './dependency-cycle.ts'
import { duplicateStepLabel } from './duplicate-step-label.ts'
import { endUnreachable } from './end-unreachable.ts'
import { laneWithoutRole } from './lane-without-role.ts'
import type { LintIssue, LintRule } from './lint-rule.ts'
import { looseConnector } from './loose-connector.ts'
import { stepUnreachable } from './step-unreachable.ts'
import { stepWithoutOwner } from './step-without-owner.ts'

/** Every structural rule, in the order the lint panel lists them. */
export const LINT_RULES: readonly LintRule[] = [
  stepWithoutOwner,
  decisionWithoutBranches,
  dependencyCycle,
  stepUnreachable,
  endUnreachable,
  looseConnector,
  laneWithoutRole,
  duplicateStepLabel,
]

export type LintOptions = {
  /** Rule ids to skip (a board's `disabledLintRules`). */
  disabledRules?: Iterable<string>
}

/** All issues of the enabled rules, rule by rule. Warnings only: lint never blocks editing. */
export function lint(graph: WorkflowGraph, options: LintOptions = {}): LintIssue[] {
  const disabled = new Set(options.disabledRules ?? [])
  return LINT_RULES.filter((rule) => !disabled.has(rule.id)).flatMap((rule) => rule.check(graph))
}
