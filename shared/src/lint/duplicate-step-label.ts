import { defineRule, quoteLabel } from './lint-rule.ts'

/** Two steps with the same name in one lane are usually one step drawn twice, or two left unnamed apart. */
export const duplicateStepLabel = defineRule({
  id: 'duplicate-step-label',
  title: 'Duplicate step label in a lane',
  severity: 'warning',
  scopes: [
    {
      kind: 'lane-group',
      // Steps that would be flagged together share this key (lane + normalized label).
      keyOf(node) {
        if (node.type !== 'step' || node.laneId === null) return null
        const normalized = node.label.trim().toLocaleLowerCase()
        return normalized === '' ? null : `${node.laneId}\u0000${normalized}`
      },
      check(group, { laneById }) {
        if (group.length < 2) return null
        // Ordered by id, so the issue (and the spelling its message quotes) does not depend on read order.
        const sorted = [...group].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        const first = sorted[0]!
        const lane = first.laneId === null ? undefined : laneById.get(first.laneId)
        return {
          message: `${sorted.length} steps are named ${quoteLabel(first.label, '')} in lane ${quoteLabel(lane?.label ?? '', '(unnamed)')}: rename or merge them`,
          shapeIds: sorted.map((node) => node.id),
        }
      },
    },
  ],
})
