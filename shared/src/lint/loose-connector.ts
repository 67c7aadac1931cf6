import type { WorkflowEdge } from '../graph/workflow-graph.ts'
import type { LintIssue, LintRule } from './lint-rule.ts'

/** A connector must join two shapes; a loose end says nothing about where the work goes. */
export const looseConnector: LintRule = {
  id: 'loose-connector',
  title: 'Connector with a loose end',
  severity: 'error',
  check(graph) {
    const issues: LintIssue[] = []
    for (const edge of graph.edges) {
      const issue = looseEndIssue(edge)
      if (issue !== null) issues.push(issue)
    }
    return issues
  },
}

/** The rule for one connector. */
export function looseEndIssue(edge: WorkflowEdge): LintIssue | null {
  if (edge.from !== null && edge.to !== null) return null
  const attached = edge.from ?? edge.to
  const which =
    edge.from === null && edge.to === null ? 'both ends' : edge.from === null ? 'its start' : 'its end'
  const kind =
    edge.flow === 'sequence' ? 'Connector' : `${edge.flow[0]!.toUpperCase()}${edge.flow.slice(1)} connector`
  return {
    ruleId: 'loose-connector',
    severity: 'error',
    message: `${kind} has ${which} loose: attach ${edge.from === null && edge.to === null ? 'them' : 'it'} to a shape`,
    shapeIds: attached === null ? [edge.id] : [edge.id, attached],
  }
}
