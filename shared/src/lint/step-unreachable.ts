import { defineRule, quoteLabel } from './lint-rule.ts'

/** A step no start event leads to (along sequence connectors) never gets done. */
export const stepUnreachable = defineRule({
  id: 'step-unreachable',
  title: 'Step unreachable from any start',
  severity: 'error',
  scopes: [
    {
      kind: 'node',
      reads: ['reachability'],
      // Without a start the whole-map finding below says it once, instead of once per step.
      check(node, view) {
        if (node.type !== 'step' || !view.hasStart || view.reached.has(node.id)) return null
        return {
          message: `Step ${quoteLabel(node.label, '(unnamed)')} cannot be reached from any start: connect a preceding step to it`,
          shapeIds: [node.id],
        }
      },
    },
    {
      kind: 'node-set',
      includes: (node) => node.type === 'step',
      check(stepIds, view) {
        if (stepIds.length === 0 || view.hasStart) return null
        const count = stepIds.length
        return {
          message: `No start event: add a start event and connect it to the first step (${count} step${count === 1 ? '' : 's'} cannot be reached)`,
          // Sorted, so the issue does not depend on read order.
          shapeIds: [...stepIds].sort(),
        }
      },
    },
  ],
})
