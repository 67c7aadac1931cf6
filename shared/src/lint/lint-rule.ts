import type { WorkflowGraph } from '../graph/workflow-graph.ts'

export const LINT_RULE_IDS = [
  'step-without-owner',
  'decision-without-branches',
  'dependency-cycle',
  'step-unreachable',
  'end-unreachable',
  'loose-connector',
  'lane-without-role',
  'duplicate-step-label',
] as const
export type LintRuleId = (typeof LINT_RULE_IDS)[number]

export type LintSeverity = 'error' | 'warning'

/** One finding. Issues are shown live and never block editing. */
export type LintIssue = {
  ruleId: LintRuleId
  severity: LintSeverity
  /** Names the shape and says what to do: 'Step "Review" has no owner: ...'. */
  message: string
  /** The shapes to select and zoom to, the most relevant first. */
  shapeIds: string[]
}

export type LintRule = {
  id: LintRuleId
  title: string
  severity: LintSeverity
  check(graph: WorkflowGraph): LintIssue[]
}

/** How a shape is named in a message: its label in quotes, or its kind when it has none. */
export function quoteLabel(label: string, fallback: string): string {
  const trimmed = label.trim()
  return trimmed === '' ? fallback : `"${trimmed.length > 60 ? `${trimmed.slice(0, 60)}…` : trimmed}"`
}
