import type { LintIssue, LintRule } from './lint-rule.ts'
import { quoteLabel } from './lint-rule.ts'

/** A lane is there to say who does the work in it. */
export const laneWithoutRole: LintRule = {
  id: 'lane-without-role',
  title: 'Lane without role',
  severity: 'warning',
  check(graph) {
    const issues: LintIssue[] = []
    for (const lane of graph.lanes) {
      const name = `Lane ${quoteLabel(lane.label, '(unnamed)')}`
      if (lane.roleId === null) {
        issues.push({
          ruleId: 'lane-without-role',
          severity: 'warning',
          message: `${name} has no role: bind it to the person, team, system or AI agent that works in it`,
          shapeIds: [lane.id],
        })
      } else if (!graph.roleById.has(lane.roleId)) {
        issues.push({
          ruleId: 'lane-without-role',
          severity: 'warning',
          message: `${name} is bound to a role that no longer exists (${lane.roleId}): pick an existing role`,
          shapeIds: [lane.id],
        })
      }
    }
    return issues
  },
}
