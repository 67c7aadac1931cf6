import { flowReachability } from '../graph/flow-reachability.ts'
import type { WorkflowNode } from '../graph/workflow-graph.ts'
import type { LintIssue, LintRule } from './lint-rule.ts'
import { quoteLabel } from './lint-rule.ts'

/** A step no start event leads to (along sequence connectors) never gets done. */
export const stepUnreachable: LintRule = {
  id: 'step-unreachable',
  title: 'Step unreachable from any start',
  severity: 'error',
  check(graph) {
    const steps = graph.nodes.filter((node) => node.type === 'step')
    if (steps.length === 0) return []
    const { startIds, reached } = flowReachability(graph)
    if (startIds.length === 0) return [noStartIssue(steps.map((step) => step.id))]
    const issues: LintIssue[] = []
    for (const step of steps) {
      const issue = unreachableStepIssue(step, reached)
      if (issue !== null) issues.push(issue)
    }
    return issues
  },
}

/** One issue instead of one per step when the map has steps but no start at all. */
export function noStartIssue(stepIds: readonly string[]): LintIssue {
  const count = stepIds.length
  return {
    ruleId: 'step-unreachable',
    severity: 'error',
    message: `No start event: add a start event and connect it to the first step (${count} step${count === 1 ? '' : 's'} cannot be reached)`,
    // Sorted, so the issue does not depend on read order.
    shapeIds: [...stepIds].sort(),
  }
}

/** The rule for one shape, given what the starts reach (the map has at least one start). */
export function unreachableStepIssue(node: WorkflowNode, reached: ReadonlySet<string>): LintIssue | null {
  if (node.type !== 'step' || reached.has(node.id)) return null
  return {
    ruleId: 'step-unreachable',
    severity: 'error',
    message: `Step ${quoteLabel(node.label, '(unnamed)')} cannot be reached from any start: connect a preceding step to it`,
    shapeIds: [node.id],
  }
}
