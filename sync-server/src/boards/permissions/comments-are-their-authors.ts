/**
 * Comments belong to whoever wrote them, as the server knows them (the token's subject, `local:<id>` in
 * local mode), whatever a page claims:
 *
 * 1. A new thread's `createdBy`, a new comment's `authorId`, a new reaction's `userId` is the writer.
 * 2. Who wrote it, when, and where it belongs (`createdBy`, `authorId`, `userId`, `createdAt`,
 *    `threadId`, `commentId`, `pageId`) never change.
 * 3. A comment's text, its edit time and its deletion are its author's; a facilitator may also delete
 *    anyone's (moderation). A reaction is its owner's to change or take back.
 * 4. Anyone who may comment may resolve or reopen a thread, in their own name (`resolved.by` is the
 *    writer); a thread's deletion is its starter's or a facilitator's; its pin may be moved by anyone who
 *    can edit the board, by a commenting viewer on their own thread only.
 * 5. Comments are deleted softly (`isDeleted`), so that replay and "since your last visit" keep what was
 *    said: only a facilitator removes a comment record outright.
 */
import { canEditBoard, canFacilitateBoard, isCommentRecordType } from '@flowmap/shared'
import { notPermitted, type PlainRecord, touchedRecords } from './participant-refusal.ts'
import type { PermissionRule } from './permission-rule.ts'

const OWNER_FIELD: Readonly<Record<string, string>> = {
  'comment-thread': 'createdBy',
  comment: 'authorId',
  'comment-reaction': 'userId',
}
const FIXED_FIELDS = ['createdBy', 'authorId', 'userId', 'createdAt', 'threadId', 'commentId', 'pageId']
const NOUN: Readonly<Record<string, string>> = {
  'comment-thread': 'comment thread',
  comment: 'comment',
  'comment-reaction': 'reaction',
}

export const commentsAreTheirAuthors: PermissionRule = (context) => {
  const { writer } = context
  const facilitator = canFacilitateBoard(writer.role)
  for (const { id, was, now } of touchedRecords(context).touched) {
    const record = now ?? was
    if (record === null || !isCommentRecordType(record.typeName)) continue
    const typeName = record.typeName
    const owner = OWNER_FIELD[typeName]!
    const noun = NOUN[typeName]!
    if (now === null) {
      if (facilitator) continue
      return notPermitted(
        `a ${noun} is deleted by marking it deleted, never removed (only a facilitator removes one)`,
        id,
      )
    }
    if (was === null) {
      if (now[owner] !== writer.id) {
        return notPermitted(`a new ${noun} must be written in your own name (${owner} "${writer.id}")`, id)
      }
      if (typeName === 'comment-thread' && now.resolved !== null) {
        const refusal = resolvedBy(now, writer.id, id)
        if (refusal !== null) return refusal
      }
      continue
    }
    const fixed = FIXED_FIELDS.find((field) => field in was && !sameValue(was[field], now[field]))
    if (fixed !== undefined) return notPermitted(`a ${noun}'s ${fixed} never changes`, id)
    const ownIt = was[owner] === writer.id
    if (typeName === 'comment') {
      const textChanged = !sameValue(was.body, now.body) || !sameValue(was.editedAt, now.editedAt)
      const deleted = was.isDeleted !== now.isDeleted
      if ((textChanged || deleted || !sameValue(was.meta, now.meta)) && !ownIt) {
        const moderation = facilitator && !textChanged && now.isDeleted === true
        if (!moderation) return notPermitted('you can only edit or delete your own comments', id)
      }
    } else if (typeName === 'comment-reaction') {
      if (!ownIt) return notPermitted('you can only change your own reactions', id)
    } else {
      if (!sameValue(was.resolved, now.resolved)) {
        const refusal = resolvedBy(now, writer.id, id)
        if (refusal !== null) return refusal
      }
      if (was.isDeleted !== now.isDeleted && !ownIt && !facilitator) {
        return notPermitted('you can only delete comment threads you started', id)
      }
      if (!sameValue(was.anchor, now.anchor) && !ownIt && !canEditBoard(writer.role)) {
        return notPermitted("you can only move your own comment threads' pins", id)
      }
      if (!sameValue(was.meta, now.meta) && !ownIt && !canEditBoard(writer.role)) {
        return notPermitted('you can only change comment threads you started', id)
      }
    }
  }
  return null
}

function resolvedBy(thread: PlainRecord, writerId: string, id: string) {
  const resolved = thread.resolved as { by?: unknown } | null
  if (resolved === null || resolved.by === writerId) return null
  return notPermitted(`a thread is resolved in your own name (resolved.by "${writerId}")`, id)
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  return JSON.stringify(a) === JSON.stringify(b)
}
