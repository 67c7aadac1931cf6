import type { WorkflowNode } from '../graph/workflow-graph.ts'
import type { Role } from '../schema/role.ts'
import type { LintIssue, LintRule } from './lint-rule.ts'
import { quoteLabel } from './lint-rule.ts'

/** Every step needs someone (a person, team, system or AI agent) who does it. */
export const stepWithoutOwner: LintRule = {
  id: 'step-without-owner',
  title: 'Step without owner',
  severity: 'warning',
  check(graph) {
    const issues: LintIssue[] = []
    for (const node of graph.nodes) {
      const issue = stepOwnerIssue(node, graph.roleById)
      if (issue !== null) issues.push(issue)
    }
    return issues
  },
}

/** The rule for one shape (the incremental lint rechecks only the shapes an edit touched). */
export function stepOwnerIssue(node: WorkflowNode, roleById: ReadonlyMap<string, Role>): LintIssue | null {
  if (node.type !== 'step') return null
  const name = `Step ${quoteLabel(node.label, '(unnamed)')}`
  if (node.owner === null) {
    return {
      ruleId: 'step-without-owner',
      severity: 'warning',
      message: `${name} has no owner: assign a role, or move it into a lane that has one`,
      shapeIds: [node.id],
    }
  }
  if (roleById.has(node.owner)) return null
  const via = node.ownerSource === 'lane' ? "its lane's role" : 'its owner'
  return {
    ruleId: 'step-without-owner',
    severity: 'warning',
    message: `${name}: ${via} no longer exists (${node.owner}); assign an existing role`,
    shapeIds: node.ownerSource === 'lane' && node.laneId ? [node.id, node.laneId] : [node.id],
  }
}
