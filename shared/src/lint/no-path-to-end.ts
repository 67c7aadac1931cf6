import { defineRule, quoteLabel } from './lint-rule.ts'

/**
 * A step the work reaches but cannot leave: the branch it ends ("the IT branch") never gets to an
 * End, so whoever follows it never finishes. Said at the step where the branch stops, which is where
 * the connector is missing.
 *
 * Only while the flow reaches an End somewhere: with no End reached (or none at all), end-unreachable
 * already says what to connect, once. Steps no start reaches are step-unreachable's, and a decision
 * with no way out is decision-without-branches'. A branch that loops for ever without a way out is
 * not found here: that needs what reaches an End kept live, which the incremental lint does not keep.
 */
export const noPathToEnd = defineRule({
  id: 'no-path-to-end',
  title: 'Branch never reaches an End',
  severity: 'error',
  scopes: [
    {
      kind: 'node',
      reads: ['outgoing', 'reachability', 'end-reached'],
      check(node, view) {
        if (node.type !== 'step' || !view.endReached || !view.reached.has(node.id)) return null
        for (const edge of view.outgoingOf(node.id))
          if (edge.flow === 'sequence' && edge.to !== null && view.nodeById.has(edge.to)) return null
        return {
          message: `Step ${quoteLabel(node.label, '(unnamed)')} is where its branch stops, so it never reaches an End: connect it to the next step or to an End`,
          shapeIds: [node.id],
        }
      },
    },
  ],
})
