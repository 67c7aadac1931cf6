import type { LintIssue, LintRule } from './lint-rule.ts'
import { quoteLabel } from './lint-rule.ts'

/** A decision chooses between paths: it needs at least two outgoing sequence flows, each labelled. */
export const decisionWithoutBranches: LintRule = {
  id: 'decision-without-branches',
  title: 'Decision with fewer than two labelled branches',
  severity: 'error',
  check(graph) {
    const issues: LintIssue[] = []
    for (const node of graph.nodes) {
      if (node.type !== 'decision') continue
      const branches = (graph.outgoing.get(node.id) ?? []).filter((edge) => edge.flow === 'sequence')
      const labelled = branches.filter((edge) => edge.branch !== null)
      if (labelled.length >= 2 && labelled.length === branches.length) continue
      const unlabelled = branches.filter((edge) => edge.branch === null)
      const name = `Decision ${quoteLabel(node.label, '(no question)')}`
      const message =
        labelled.length < 2
          ? `${name} has ${labelled.length} labelled branch${labelled.length === 1 ? '' : 'es'}: draw at least two outgoing connectors and label each with its answer`
          : `${name} has ${unlabelled.length} unlabelled branch${unlabelled.length === 1 ? '' : 'es'}: label each outgoing connector with its answer`
      issues.push({
        ruleId: 'decision-without-branches',
        severity: 'error',
        message,
        shapeIds: [node.id, ...unlabelled.map((edge) => edge.id)],
      })
    }
    return issues
  },
}
