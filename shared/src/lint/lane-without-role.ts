import { defineRule, quoteLabel } from './lint-rule.ts'

/** A lane is there to say who does the work in it. */
export const laneWithoutRole = defineRule({
  id: 'lane-without-role',
  title: 'Lane without role',
  severity: 'warning',
  scopes: [
    {
      kind: 'lane',
      reads: ['roles'],
      check(lane, { roleById }) {
        const name = `Lane ${quoteLabel(lane.label, '(unnamed)')}`
        if (lane.roleId === null) {
          return {
            message: `${name} has no role: bind it to the person, team, system or AI agent that works in it`,
            shapeIds: [lane.id],
          }
        }
        if (roleById.has(lane.roleId)) return null
        return {
          message: `${name} is bound to a role that no longer exists (${lane.roleId}): pick an existing role`,
          shapeIds: [lane.id],
        }
      },
    },
  ],
})
