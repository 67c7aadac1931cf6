import { flowReachability } from '../graph/flow-reachability.ts'
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
    if (startIds.length === 0) {
      return [
        {
          ruleId: 'step-unreachable',
          severity: 'error',
          message: `No start event: add a start event and connect it to the first step (${steps.length} step${steps.length === 1 ? '' : 's'} cannot be reached)`,
          shapeIds: steps.map((step) => step.id),
        },
      ]
    }
    const issues: LintIssue[] = []
    for (const step of steps) {
      if (reached.has(step.id)) continue
      issues.push({
        ruleId: 'step-unreachable',
        severity: 'error',
        message: `Step ${quoteLabel(step.label, '(unnamed)')} cannot be reached from any start: connect a preceding step to it`,
        shapeIds: [step.id],
      })
    }
    return issues
  },
}
