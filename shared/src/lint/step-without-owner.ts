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
      if (node.type !== 'step') continue
      const name = `Step ${quoteLabel(node.label, '(unnamed)')}`
      if (node.owner === null) {
        issues.push({
          ruleId: 'step-without-owner',
          severity: 'warning',
          message: `${name} has no owner: assign a role, or move it into a lane that has one`,
          shapeIds: [node.id],
        })
      } else if (!graph.roleById.has(node.owner)) {
        const via = node.ownerSource === 'lane' ? "its lane's role" : 'its owner'
        issues.push({
          ruleId: 'step-without-owner',
          severity: 'warning',
          message: `${name}: ${via} no longer exists (${node.owner}); assign an existing role`,
          shapeIds: node.ownerSource === 'lane' && node.laneId ? [node.id, node.laneId] : [node.id],
        })
      }
    }
    return issues
  },
}
