import { isAiAgentStep } from '../analysis/governance.ts'
import { accountableRoles } from '../analysis/raci.ts'
import { isHumanRole } from '../schema/role.ts'
import { defineRule, quoteLabel } from './lint-rule.ts'

/**
 * A person answers for what an AI agent does. Checked whether or not the map records RACI otherwise:
 * an AI step with nobody accountable is the gap governance looks for first.
 */
export const aiStepWithoutHumanAccountable = defineRule({
  id: 'ai-step-without-human-accountable',
  title: 'AI step without a human accountable',
  severity: 'warning',
  scopes: [
    {
      kind: 'node',
      reads: ['roles'],
      check(node, { roleById }) {
        if (!isAiAgentStep(node, roleById)) return null
        if (accountableRoles(node, roleById).some(isHumanRole)) return null
        return {
          message: `AI step ${quoteLabel(node.label, '(unnamed)')} has no person or team accountable for it: make a human role accountable for what the agent does`,
          shapeIds: [node.id],
        }
      },
    },
  ],
})
