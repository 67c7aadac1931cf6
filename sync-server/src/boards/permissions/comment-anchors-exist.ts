/**
 * A comment is about something on the board: a thread written with a shape anchor (new, or its pin
 * moved to another shape) names a shape the board holds, and a new comment or reaction names a thread
 * (and a reaction a comment) that exists. A thread whose shape is deleted later keeps its messages (it
 * is still shown in the Comments panel, and in replay on the shape); only writing a new anchor is held.
 */
import { isCommentRecordType } from '@flowmap/shared'
import { notPermitted, touchedRecords } from './participant-refusal.ts'
import type { PermissionRule } from './permission-rule.ts'

export const commentAnchorsExist: PermissionRule = (context) => {
  const { touched, readAfter } = touchedRecords(context)
  for (const { id, was, now } of touched) {
    if (now === null || !isCommentRecordType(now.typeName)) continue
    if (now.typeName === 'comment-thread') {
      const anchor = now.anchor as { type?: unknown; shapeId?: unknown }
      const before = was?.anchor as { type?: unknown; shapeId?: unknown } | undefined
      if (anchor.type !== 'shape' || (before?.type === 'shape' && before.shapeId === anchor.shapeId)) continue
      const shapeId = String(anchor.shapeId)
      if (readAfter(shapeId)?.typeName !== 'shape') {
        return notPermitted(`comment thread ${id} is anchored to ${shapeId}, which is not on the board`, id)
      }
      continue
    }
    if (was !== null) continue
    const threadId = String(now.threadId)
    if (readAfter(threadId)?.typeName !== 'comment-thread') {
      return notPermitted(
        `${now.typeName} ${id} belongs to thread ${threadId}, which is not on the board`,
        id,
      )
    }
    if (now.typeName === 'comment-reaction' && readAfter(String(now.commentId))?.typeName !== 'comment') {
      return notPermitted(
        `reaction ${id} is to comment ${String(now.commentId)}, which is not on the board`,
        id,
      )
    }
  }
  return null
}
