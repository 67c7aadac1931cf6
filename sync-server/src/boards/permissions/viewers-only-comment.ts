/**
 * A viewer writes comments and nothing else, and only where the board lets viewers comment (the
 * `viewerComments` workshop field, a facilitator's setting): no shape, connector, page, role, board or
 * workshop field. The viewer stage lets a viewer's update this far only when the board allows it; this
 * rule is what holds the update to comments. Whose comments they may be is comments-are-their-authors.ts.
 */
import {
  boardFieldsTouchedBy,
  isCommentRecordType,
  readWorkshopField,
  roleFieldsTouchedBy,
  viewerCommentsField,
  workshopFieldsTouchedBy,
} from '@flowmap/shared'
import { notPermitted, recordKind, touchedRecords } from './participant-refusal.ts'
import type { PermissionRule } from './permission-rule.ts'

export const viewersOnlyComment: PermissionRule = (context) => {
  const { writer, transaction, doc } = context
  if (writer.role !== 'viewer') return null
  if (readWorkshopField(doc, viewerCommentsField) !== true) {
    return notPermitted('you can view this board but not change it (your role here is viewer)', null)
  }
  const onlyComments = (what: string) =>
    `viewers may only comment on this board: ${what} is not yours to change (your role here is viewer)`
  for (const { id, was, now } of touchedRecords(context).touched) {
    const record = now ?? was
    if (record !== null && isCommentRecordType(record.typeName)) continue
    return notPermitted(onlyComments(`a ${recordKind(record)}`), id)
  }
  if (roleFieldsTouchedBy(transaction).size > 0) return notPermitted(onlyComments('a role'), null)
  if (boardFieldsTouchedBy(transaction).size > 0)
    return notPermitted(onlyComments("the board's title or settings"), null)
  if (workshopFieldsTouchedBy(transaction).size > 0) return notPermitted(onlyComments('the workshop'), null)
  return null
}
