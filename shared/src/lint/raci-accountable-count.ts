import { raciOf } from '../analysis/raci.ts'
import { defineRule, quoteLabel } from './lint-rule.ts'

/**
 * RACI's first rule: exactly one role answers for each step. Only once the map records RACI (some
 * step or decision names an accountable role): before that every step would be flagged, and a board
 * that does not use RACI would drown in one warning per step.
 */
export const raciAccountableCount = defineRule({
  id: 'raci-accountable-count',
  title: 'Step without exactly one accountable role',
  severity: 'warning',
  scopes: [
    {
      kind: 'node',
      reads: ['roles', 'raci-in-use'],
      check(node, { roleById, usesRaci }) {
        if (node.type !== 'step' || !usesRaci) return null
        const listed = raciOf(node).accountable
        const existing = listed.filter((id) => roleById.has(id))
        if (existing.length === 1) return null
        const name = `Step ${quoteLabel(node.label, '(unnamed)')}`
        if (existing.length === 0) {
          const gone = listed.length === 0 ? '' : ` (${listed.join(', ')} no longer exists)`
          return {
            message: `${name} has no accountable role${gone}: choose the one role that answers for it`,
            shapeIds: [node.id],
          }
        }
        const names = existing.map((id) => roleById.get(id)!.name).join(', ')
        return {
          message: `${name} has ${existing.length} accountable roles (${names}): keep exactly one, and make the others consulted or informed`,
          shapeIds: [node.id],
        }
      },
    },
  ],
})
