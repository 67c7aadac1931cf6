import { defineRule, quoteLabel } from './lint-rule.ts'

/** A decision chooses between paths: it needs at least two outgoing sequence flows, each labelled. */
export const decisionWithoutBranches = defineRule({
  id: 'decision-without-branches',
  title: 'Decision with fewer than two labelled branches',
  severity: 'error',
  scopes: [
    {
      kind: 'node',
      reads: ['outgoing'],
      check(node, { outgoingOf }) {
        if (node.type !== 'decision') return null
        let labelled = 0
        const unlabelled: string[] = []
        for (const edge of outgoingOf(node.id)) {
          if (edge.flow !== 'sequence') continue
          if (edge.branch === null) unlabelled.push(edge.id)
          else labelled++
        }
        if (labelled >= 2 && unlabelled.length === 0) return null
        const name = `Decision ${quoteLabel(node.label, '(no question)')}`
        const message =
          labelled < 2
            ? `${name} has ${labelled} labelled branch${labelled === 1 ? '' : 'es'}: draw at least two outgoing connectors and label each with its answer`
            : `${name} has ${unlabelled.length} unlabelled branch${unlabelled.length === 1 ? '' : 'es'}: label each outgoing connector with its answer`
        // Sorted, so the issue does not depend on the order the connectors were drawn or read in.
        return { message, shapeIds: [node.id, ...unlabelled.sort()] }
      },
    },
  ],
})
