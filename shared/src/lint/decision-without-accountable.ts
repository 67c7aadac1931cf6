import { accountableRoles } from '../analysis/raci.ts'
import { defineRule, quoteLabel } from './lint-rule.ts'

/**
 * Someone makes the call at a decision. Like the other RACI rules, only once the map records RACI
 * (see raci-accountable-count.ts).
 */
export const decisionWithoutAccountable = defineRule({
  id: 'decision-without-accountable',
  title: 'Decision without accountable role',
  severity: 'warning',
  scopes: [
    {
      kind: 'node',
      reads: ['roles', 'raci-in-use'],
      check(node, view) {
        if (node.type !== 'decision' || !view.usesRaci) return null
        if (accountableRoles(node, view.roleById).length > 0) return null
        return {
          message: `Decision ${quoteLabel(node.label, '(no question)')} has no accountable role: name the role that makes this call`,
          shapeIds: [node.id],
        }
      },
    },
  ],
})
