import type { WorkflowLane, WorkflowNode } from '../graph/workflow-graph.ts'
import type { LintIssue, LintRule } from './lint-rule.ts'
import { quoteLabel } from './lint-rule.ts'

/** Two steps with the same name in one lane are usually one step drawn twice, or two left unnamed apart. */
export const duplicateStepLabel: LintRule = {
  id: 'duplicate-step-label',
  title: 'Duplicate step label in a lane',
  severity: 'warning',
  check(graph) {
    const groups = new Map<string, WorkflowNode[]>()
    for (const node of graph.nodes) {
      const key = duplicateLabelKey(node)
      if (key === null) continue
      const group = groups.get(key)
      if (group) group.push(node)
      else groups.set(key, [node])
    }
    const issues: LintIssue[] = []
    for (const group of groups.values()) {
      const issue = duplicateLabelIssue(group, graph.laneById)
      if (issue !== null) issues.push(issue)
    }
    return issues
  },
}

/** Steps that would be flagged together share this key (lane + normalized label); null for the others. */
export function duplicateLabelKey(node: WorkflowNode): string | null {
  if (node.type !== 'step' || node.laneId === null) return null
  const normalized = node.label.trim().toLocaleLowerCase()
  return normalized === '' ? null : `${node.laneId}\u0000${normalized}`
}

/** The issue for one group of steps sharing a key; null unless there are two or more. */
export function duplicateLabelIssue(
  group: readonly WorkflowNode[],
  laneById: ReadonlyMap<string, WorkflowLane>,
): LintIssue | null {
  if (group.length < 2) return null
  // Ordered by id, so the issue (and the spelling its message quotes) does not depend on read order.
  const sorted = [...group].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const first = sorted[0]!
  const lane = first.laneId === null ? undefined : laneById.get(first.laneId)
  return {
    ruleId: 'duplicate-step-label',
    severity: 'warning',
    message: `${sorted.length} steps are named ${quoteLabel(first.label, '')} in lane ${quoteLabel(lane?.label ?? '', '(unnamed)')}: rename or merge them`,
    shapeIds: sorted.map((node) => node.id),
  }
}
