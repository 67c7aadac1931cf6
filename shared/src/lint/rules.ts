import { aiOutputUnreviewed } from './ai-output-unreviewed.ts'
import { aiStepWithoutHumanAccountable } from './ai-step-without-human-accountable.ts'
import { decisionWithoutAccountable } from './decision-without-accountable.ts'
import { decisionWithoutBranches } from './decision-without-branches.ts'
import { dependencyCycle } from './dependency-cycle.ts'
import { duplicateStepLabel } from './duplicate-step-label.ts'
import { endUnreachable } from './end-unreachable.ts'
import { laneWithoutRole } from './lane-without-role.ts'
import type { LintIssueOf } from './lint-rule.ts'
import { looseConnector } from './loose-connector.ts'
import { noPathToEnd } from './no-path-to-end.ts'
import { raciAccountableCount } from './raci-accountable-count.ts'
import { stepUnreachable } from './step-unreachable.ts'
import { stepWithoutOwner } from './step-without-owner.ts'

/**
 * Every structural rule, in the order the lint panel lists them. Adding a rule is its own file and a
 * line here: the ids, the full lint and the incremental lint all follow this list.
 */
export const LINT_RULES = [
  stepWithoutOwner,
  decisionWithoutBranches,
  dependencyCycle,
  stepUnreachable,
  endUnreachable,
  noPathToEnd,
  looseConnector,
  laneWithoutRole,
  duplicateStepLabel,
  raciAccountableCount,
  decisionWithoutAccountable,
  aiStepWithoutHumanAccountable,
  aiOutputUnreviewed,
] as const

export type LintRuleId = (typeof LINT_RULES)[number]['id']

export const LINT_RULE_IDS: readonly LintRuleId[] = LINT_RULES.map((rule) => rule.id)

/** One finding of one of the rules. Issues are shown live and never block editing. */
export type LintIssue = LintIssueOf<LintRuleId>
