/** Every permission rule, in the order they run; the first refusal wins. */
import type { Refusal } from '@flowmap/shared'
import { boardLockHoldsParticipants } from './board-lock-holds-participants.ts'
import { participantToolsetHoldsParticipants } from './participant-toolset-holds-participants.ts'
import type { PermissionContext, PermissionRule } from './permission-rule.ts'
import { shapeLocksHoldParticipants } from './shape-locks-hold-participants.ts'
import { voteResultsAreTheServers } from './vote-results-are-the-servers.ts'
import { workshopIsFacilitators } from './workshop-is-facilitators.ts'

export const PERMISSION_RULES: readonly PermissionRule[] = [
  workshopIsFacilitators,
  voteResultsAreTheServers,
  boardLockHoldsParticipants,
  shapeLocksHoldParticipants,
  participantToolsetHoldsParticipants,
]

export function firstPermissionRefusal(context: PermissionContext): Refusal | null {
  for (const rule of PERMISSION_RULES) {
    const refusal = rule(context)
    if (refusal !== null) return refusal
  }
  return null
}
