import type { LintIssue, LintRule } from './lint-rule.ts'
import { quoteLabel } from './lint-rule.ts'

/** Two steps with the same name in one lane are usually one step drawn twice, or two left unnamed apart. */
export const duplicateStepLabel: LintRule = {
  id: 'duplicate-step-label',
  title: 'Duplicate step label in a lane',
  severity: 'warning',
  check(graph) {
    const groups = new Map<string, string[]>()
    for (const node of graph.nodes) {
      if (node.type !== 'step' || node.laneId === null) continue
      const normalized = node.label.trim().toLocaleLowerCase()
      if (normalized === '') continue
      const key = `${node.laneId}\u0000${normalized}`
      const group = groups.get(key)
      if (group) group.push(node.id)
      else groups.set(key, [node.id])
    }
    const issues: LintIssue[] = []
    for (const ids of groups.values()) {
      if (ids.length < 2) continue
      const first = graph.nodeById.get(ids[0]!)!
      const lane = graph.laneById.get(first.laneId!)
      issues.push({
        ruleId: 'duplicate-step-label',
        severity: 'warning',
        message: `${ids.length} steps are named ${quoteLabel(first.label, '')} in lane ${quoteLabel(lane?.label ?? '', '(unnamed)')}: rename or merge them`,
        shapeIds: ids,
      })
    }
    return issues
  },
}
