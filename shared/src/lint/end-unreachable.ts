import { flowReachability } from '../graph/flow-reachability.ts'
import type { LintIssue, LintRule } from './lint-rule.ts'
import { quoteLabel } from './lint-rule.ts'

/** An end event no path from a start arrives at: the workflow never finishes there. */
export const endUnreachable: LintRule = {
  id: 'end-unreachable',
  title: 'End unreachable',
  severity: 'error',
  check(graph) {
    const ends = graph.nodes.filter((node) => node.shape.type === 'event' && node.shape.props.kind === 'end')
    if (ends.length === 0) return []
    const { reached } = flowReachability(graph)
    const issues: LintIssue[] = []
    for (const end of ends) {
      if (reached.has(end.id)) continue
      issues.push({
        ruleId: 'end-unreachable',
        severity: 'error',
        message: `End ${quoteLabel(end.label, '(unnamed)')} is reached by no path from a start: connect the last step to it`,
        shapeIds: [end.id],
      })
    }
    return issues
  },
}
