import { defineRule, quoteLabel } from './lint-rule.ts'

/**
 * A step the work reaches but from which no End can be reached: the branch it is on ("the IT
 * branch") either stops or loops for ever without a way out, so whoever follows it never finishes.
 * Said at every such step: the one where the branch stops is told to connect on, the others that
 * their way on never finishes (each of them can be where the missing connector goes).
 *
 * Only while the flow reaches an End somewhere: with no End reached (or none at all), end-unreachable
 * already says what to connect, once. Steps no start reaches are step-unreachable's, and a decision
 * with no way out is decision-without-branches'. What reaches an End is kept live by the incremental
 * lint (backward reachability from the Ends), so a loop costs no whole-map walk per edit.
 */
export const noPathToEnd = defineRule({
  id: 'no-path-to-end',
  title: 'Branch never reaches an End',
  severity: 'error',
  scopes: [
    {
      kind: 'node',
      reads: ['outgoing', 'reachability', 'end-reached', 'reaches-end'],
      check(node, view) {
        if (node.type !== 'step' || !view.endReached || !view.reached.has(node.id)) return null
        if (view.reachesEnd.has(node.id)) return null
        const label = quoteLabel(node.label, '(unnamed)')
        for (const edge of view.outgoingOf(node.id))
          if (edge.flow === 'sequence' && edge.to !== null && view.nodeById.has(edge.to))
            return {
              message: `Step ${label} never reaches an End: every way on from it loops back or stops. Connect it, or a step after it, to an End`,
              shapeIds: [node.id],
            }
        return {
          message: `Step ${label} is where its branch stops, so it never reaches an End: connect it to the next step or to an End`,
          shapeIds: [node.id],
        }
      },
    },
  ],
})
