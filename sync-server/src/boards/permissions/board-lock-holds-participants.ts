import {
  boardFieldsTouchedBy,
  boardLockField,
  canFacilitateBoard,
  isCommentRecordType,
  lockHolderName,
  readWorkshopField,
  roleFieldsTouchedBy,
} from '@flowmap/shared'
import { notPermitted, touchedRecords } from './participant-refusal.ts'
import type { PermissionRule } from './permission-rule.ts'

/**
 * While the board is locked, only facilitators change its records, roles and board fields. An update
 * that changes nothing (an honest participant's SyncStep2 on connect) never reaches the rules; presence
 * and tldraw's user records are not in the doc, so looking around and being seen stay open to everyone.
 * So does commenting: a locked map is one to discuss (whose comments they are is still held, by
 * comments-are-their-authors.ts).
 */
export const boardLockHoldsParticipants: PermissionRule = (context) => {
  const { doc, transaction, writer } = context
  if (canFacilitateBoard(writer.role)) return null
  const lock = readWorkshopField(doc, boardLockField)
  if (lock === null) return null
  const changes =
    touchedRecords(context).touched.some(({ was, now }) => !isCommentRecordType((now ?? was)?.typeName)) ||
    roleFieldsTouchedBy(transaction).size > 0 ||
    boardFieldsTouchedBy(transaction).size > 0
  if (!changes) return null
  return notPermitted(
    `the board is locked by ${lockHolderName(lock)}: only facilitators can edit until it is unlocked`,
    null,
  )
}
