import type { WorkflowLane } from '../graph/workflow-graph.ts'
import type { Role } from '../schema/role.ts'
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
      const issue = laneRoleIssue(lane, graph.roleById)
      if (issue !== null) issues.push(issue)
    }
    return issues
  },
}

/** The rule for one lane. */
export function laneRoleIssue(lane: WorkflowLane, roleById: ReadonlyMap<string, Role>): LintIssue | null {
  const name = `Lane ${quoteLabel(lane.label, '(unnamed)')}`
  if (lane.roleId === null) {
    return {
      ruleId: 'lane-without-role',
      severity: 'warning',
      message: `${name} has no role: bind it to the person, team, system or AI agent that works in it`,
      shapeIds: [lane.id],
    }
  }
  if (roleById.has(lane.roleId)) return null
  return {
    ruleId: 'lane-without-role',
    severity: 'warning',
    message: `${name} is bound to a role that no longer exists (${lane.roleId}): pick an existing role`,
    shapeIds: [lane.id],
  }
}
