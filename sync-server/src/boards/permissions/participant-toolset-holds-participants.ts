import {
  boardFieldsTouchedBy,
  canFacilitateBoard,
  isCommentRecordType,
  isParticipantToolsetRecord,
  participantToolsetField,
  readWorkshopField,
  roleFieldsTouchedBy,
} from '@flowmap/shared'
import { notPermitted, type PlainRecord, recordKind, touchedRecords } from './participant-refusal.ts'
import type { PermissionRule } from './permission-rule.ts'

const LIMITED = 'the facilitator has limited the tools to sticky notes and connectors'

/**
 * With the toolset restricted, participants create, change and delete sticky notes, connectors and
 * their ends, and nothing else: not the steps, lanes, stages or decisions (whatever field: moving,
 * resizing and relabelling a step are all refused), not the roles, not the board fields. The record
 * must be a note or connector both before and after, so one cannot be turned into a step either.
 *
 * Within notes and connectors every field is open, the facilitator's own connectors included: they are
 * the participants' working material in a workshop, and a facilitator who wants a drawn flow kept as it
 * is locks it (shape-locks-hold-participants.ts), which holds whatever the toolset.
 *
 * Comments stay open: a restricted workshop is still one to discuss.
 *
 * One exception: a board nobody has written yet gets its document and page records, and its schema,
 * with its first edit (client/src/sync/store-binding.ts); creating those where they are missing is
 * allowed, changing them is not.
 */
export const participantToolsetHoldsParticipants: PermissionRule = (context) => {
  const { doc, transaction, writer, before } = context
  if (canFacilitateBoard(writer.role)) return null
  if (readWorkshopField(doc, participantToolsetField) !== 'notes-connectors-votes') return null
  for (const { id, was, now } of touchedRecords(context).touched) {
    if (was === null && now !== null && isFirstWriteSeed(now)) continue
    // Comments are open whatever the toolset (whose they are: comments-are-their-authors.ts).
    if (isCommentRecordType((now ?? was)?.typeName)) continue
    const offending = [was, now].find((record) => record !== null && !isParticipantToolsetRecord(record))
    if (offending === undefined) continue
    const verb = was === null ? 'add' : now === null ? 'delete' : 'change'
    return notPermitted(`${LIMITED}: you cannot ${verb} a ${recordKind(offending ?? null)}`, id)
  }
  if (roleFieldsTouchedBy(transaction).size > 0)
    return notPermitted(`${LIMITED}: roles are the facilitator's to change`, null)
  for (const field of boardFieldsTouchedBy(transaction)) {
    if (field === 'schema' && (before.schema === null || before.schema === undefined)) continue
    return notPermitted(`${LIMITED}: the board's ${field} is the facilitator's to change`, null)
  }
  return null
}

function isFirstWriteSeed(record: PlainRecord): boolean {
  return record.typeName === 'document' || record.typeName === 'page'
}
