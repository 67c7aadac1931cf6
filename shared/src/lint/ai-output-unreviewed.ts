import { isAiAgentStep, unreviewedOutput } from '../analysis/governance.ts'
import type { WorkflowNode } from '../graph/workflow-graph.ts'
import { defineRule, quoteLabel } from './lint-rule.ts'

/**
 * An AI agent's output should pass a person before it leaves the process: the governance insight
 * `unreviewedAiOutputs` as a finding on the AI step (governance.ts defines "review", "end" and
 * "external artifact"). The walk's footprint tells the incremental lint what to watch.
 */
export const aiOutputUnreviewed = defineRule({
  id: 'ai-output-unreviewed',
  title: 'AI output with no human review',
  severity: 'warning',
  scopes: [
    {
      kind: 'walk',
      includes: (node, view) => isAiAgentStep(node, view.roleById),
      check(node, view) {
        const { reachesId, visited } = unreviewedOutput(node, view)
        if (reachesId === null) return { finding: null, visited }
        const step = `AI step ${quoteLabel(node.label, '(unnamed)')}`
        const fix = 'add a review by a person, or a decision a person or team is accountable for'
        const reached = view.nodeById.get(reachesId)!
        const message =
          reachesId === node.id
            ? `${step} ends the flow with no human review after it: ${fix}`
            : `The output of ${step} ${where(reached)} with no human review on the way: ${fix}`
        return {
          finding: { message, shapeIds: reachesId === node.id ? [node.id] : [node.id, reachesId] },
          visited,
        }
      },
    },
  ],
})

/** Where the output ends up, as the message says it. */
function where(reached: WorkflowNode): string {
  if (reached.type === 'artifact')
    return `goes out as ${quoteLabel(reached.label, 'an artifact')}, which nothing in the map takes on,`
  const isEnd = reached.shape.type === 'event' && reached.shape.props.kind === 'end'
  if (isEnd)
    return reached.label.trim() === ''
      ? 'reaches the end'
      : `reaches the end ${quoteLabel(reached.label, '')}`
  return `reaches ${quoteLabel(reached.label, 'a shape')}, where the flow stops,`
}
