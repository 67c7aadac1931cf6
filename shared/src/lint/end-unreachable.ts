import { flowReachability } from '../graph/flow-reachability.ts'
import type { WorkflowNode } from '../graph/workflow-graph.ts'
import type { LintIssue, LintRule } from './lint-rule.ts'
import { quoteLabel } from './lint-rule.ts'

/** An end event no path from a start arrives at: the workflow never finishes there. */
export const endUnreachable: LintRule = {
  id: 'end-unreachable',
  title: 'End unreachable',
  severity: 'error',
  check(graph) {
    const ends = graph.nodes.filter(isEndEvent)
    if (ends.length === 0) return []
    const { reached } = flowReachability(graph)
    const issues: LintIssue[] = []
    for (const end of ends) {
      const issue = unreachableEndIssue(end, reached)
      if (issue !== null) issues.push(issue)
    }
    return issues
  },
}

function isEndEvent(node: WorkflowNode): boolean {
  return node.shape.type === 'event' && node.shape.props.kind === 'end'
}

/** The rule for one shape, given what the starts reach. */
export function unreachableEndIssue(node: WorkflowNode, reached: ReadonlySet<string>): LintIssue | null {
  if (!isEndEvent(node) || reached.has(node.id)) return null
  return {
    ruleId: 'end-unreachable',
    severity: 'error',
    message: `End ${quoteLabel(node.label, '(unnamed)')} is reached by no path from a start: connect the last step to it`,
    shapeIds: [node.id],
  }
}
