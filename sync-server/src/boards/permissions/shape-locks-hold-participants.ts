import {
  canFacilitateBoard,
  coveringShapeLock,
  type LockableRecord,
  lockHolderName,
  parseLockHolder,
  REFUSAL_CODES,
  type Refusal,
  rawShapeLock,
  SHAPE_LOCK_META_KEY,
} from '@flowmap/shared'
import {
  notPermitted,
  type PlainRecord,
  recordKind,
  type TouchedRecord,
  touchedRecords,
} from './participant-refusal.ts'
import type { PermissionRule } from './permission-rule.ts'

/**
 * A shape a facilitator locked (shared/src/schema/workshop/shape-lock.ts), and everything inside it, is
 * changed by facilitators only. For anyone else the rule refuses an update that, for any record it
 * touched:
 * - sets, changes or removes a lock (a pasted copy of a locked shape included);
 * - changes, moves, resizes or deletes a shape that was covered by a lock before the update (moving it
 *   out of a locked lane included), or is covered after it (creating a shape inside a locked lane,
 *   moving one into it);
 * - changes an end of a connector that is itself covered by a lock.
 * An arrow binding is judged by its connector alone: connecting a new connector to a locked step is
 * allowed (the step's record does not change), as in Miro and FigJam, where a locked object still takes
 * connectors. Before and after are both read, so neither a delete nor a re-parent slips past.
 */
export const shapeLocksHoldParticipants: PermissionRule = (context) => {
  const { touched, readBefore, readAfter } = touchedRecords(context)
  if (canFacilitateBoard(context.writer.role)) return firstMalformedLock(touched)
  for (const { id, was, now } of touched) {
    // A deleted shape's lock goes with it: the delete itself is judged below, by the lock covering it.
    if (now !== null && JSON.stringify(rawShapeLock(was)) !== JSON.stringify(rawShapeLock(now))) {
      return notPermitted(
        `only a facilitator can lock or unlock a ${recordKind(now ?? was)} (locks keep a workshop's map in place)`,
        id,
      )
    }
    const refusal =
      (was === null ? null : lockRefusal(id, was, readBefore)) ??
      (now === null ? null : lockRefusal(id, now, readAfter))
    if (refusal !== null) return refusal
  }
  return null
}

function lockRefusal(
  id: string,
  record: PlainRecord,
  read: (id: string) => PlainRecord | null,
): Refusal | null {
  const subject = record.typeName === 'binding' && typeof record.fromId === 'string' ? record.fromId : id
  if (record.typeName !== 'shape' && subject === id) return null
  const covering = coveringShapeLock(subject, read as (id: string) => LockableRecord | null)
  if (covering === null) return null
  const who = lockHolderName(covering.holder)
  const locked = recordKind(read(covering.lockedId))
  const reason =
    covering.lockedId === subject
      ? `this ${locked} is locked by ${who}: only facilitators can change it until it is unlocked`
      : `the ${locked} this sits in is locked by ${who}: only facilitators can change what is inside it until it is unlocked`
  return notPermitted(reason, id)
}

/** A facilitator's lock must be one the parser reads, so every page shows who set it. */
function firstMalformedLock(touched: readonly TouchedRecord[]): Refusal | null {
  for (const { id, now } of touched) {
    const raw = rawShapeLock(now)
    if (raw === undefined) continue
    const parsed = parseLockHolder(raw)
    if (!parsed.ok)
      return {
        code: REFUSAL_CODES.invalidRecord,
        reason: `meta.${SHAPE_LOCK_META_KEY} ${parsed.reason}`,
        recordId: id,
      }
  }
  return null
}
