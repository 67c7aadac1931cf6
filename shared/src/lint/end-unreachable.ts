import { defineRule, quoteLabel } from './lint-rule.ts'

/** An end event no path from a start arrives at: the workflow never finishes there. */
export const endUnreachable = defineRule({
  id: 'end-unreachable',
  title: 'End unreachable',
  severity: 'error',
  scopes: [
    {
      kind: 'node',
      reads: ['reachability'],
      check(node, view) {
        const isEnd = node.shape.type === 'event' && node.shape.props.kind === 'end'
        if (!isEnd || view.reached.has(node.id)) return null
        return {
          message: `End ${quoteLabel(node.label, '(unnamed)')} is reached by no path from a start: connect the last step to it`,
          shapeIds: [node.id],
        }
      },
    },
  ],
})
