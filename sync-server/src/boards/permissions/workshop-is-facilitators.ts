import { canFacilitateBoard, REFUSAL_CODES, workshopFieldsTouchedBy } from '@flowmap/shared'
import type { PermissionRule } from './permission-rule.ts'

/** The workshop map (locks, toolset, timer, vote results, private mode) is written by facilitators only. */
export const workshopIsFacilitators: PermissionRule = ({ transaction, writer }) => {
  if (canFacilitateBoard(writer.role)) return null
  const [first] = workshopFieldsTouchedBy(transaction)
  if (first === undefined) return null
  return {
    code: REFUSAL_CODES.notPermitted,
    reason: `only a facilitator can change the workshop's ${first} (you are ${writer.role === 'editor' ? 'an editor' : `a ${writer.role}`})`,
    recordId: null,
  }
}
