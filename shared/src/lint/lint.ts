import type { WorkflowGraph } from '../graph/workflow-graph.ts'
import { LINT_RULES, type LintIssue } from './rules.ts'

export type LintOptions = {
  /** Rule ids to skip (a board's `disabledLintRules`); ids of no rule here switch nothing off. */
  disabledRules?: Iterable<string>
}

/** All issues of the enabled rules, rule by rule. Warnings only: lint never blocks editing. */
export function lint(graph: WorkflowGraph, options: LintOptions = {}): LintIssue[] {
  const disabled = new Set(options.disabledRules ?? [])
  return LINT_RULES.filter((rule) => !disabled.has(rule.id)).flatMap((rule): LintIssue[] => rule.check(graph))
}
