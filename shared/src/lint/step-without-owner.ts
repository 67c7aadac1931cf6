import { defineRule, quoteLabel } from './lint-rule.ts'

/** Every step needs someone (a person, team, system or AI agent) who does it. */
export const stepWithoutOwner = defineRule({
  id: 'step-without-owner',
  title: 'Step without owner',
  severity: 'warning',
  scopes: [
    {
      kind: 'node',
      reads: ['roles'],
      check(node, { roleById }) {
        if (node.type !== 'step') return null
        const name = `Step ${quoteLabel(node.label, '(unnamed)')}`
        if (node.owner === null) {
          return {
            message: `${name} has no owner: assign a role, or move it into a lane that has one`,
            shapeIds: [node.id],
          }
        }
        if (roleById.has(node.owner)) return null
        const via = node.ownerSource === 'lane' ? "its lane's role" : 'its owner'
        return {
          message: `${name}: ${via} no longer exists (${node.owner}); assign an existing role`,
          shapeIds: node.ownerSource === 'lane' && node.laneId ? [node.id, node.laneId] : [node.id],
        }
      },
    },
  ],
})
