/** Every permission rule, in the order they run; the first refusal wins. */
import type { Refusal } from '@flowmap/shared'
import { boardLockHoldsParticipants } from './board-lock-holds-participants.ts'
import { commentAnchorsExist } from './comment-anchors-exist.ts'
import { commentsAreTheirAuthors } from './comments-are-their-authors.ts'
import { participantToolsetHoldsParticipants } from './participant-toolset-holds-participants.ts'
import type { PermissionContext, PermissionRule } from './permission-rule.ts'
import { shapeLocksHoldParticipants } from './shape-locks-hold-participants.ts'
import { viewersOnlyComment } from './viewers-only-comment.ts'
import { voteResultsAreTheServers } from './vote-results-are-the-servers.ts'
import { workshopIsFacilitators } from './workshop-is-facilitators.ts'

export const PERMISSION_RULES: readonly PermissionRule[] = [
  viewersOnlyComment,
  workshopIsFacilitators,
  voteResultsAreTheServers,
  boardLockHoldsParticipants,
  shapeLocksHoldParticipants,
  participantToolsetHoldsParticipants,
  commentsAreTheirAuthors,
  commentAnchorsExist,
]

export function firstPermissionRefusal(context: PermissionContext): Refusal | null {
  for (const rule of PERMISSION_RULES) {
    const refusal = rule(context)
    if (refusal !== null) return refusal
  }
  return null
}
