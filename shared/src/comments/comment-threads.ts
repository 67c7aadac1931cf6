/**
 * Comment threads as people read them: each open or resolved thread with its messages in order, from
 * the records of a board (the live doc's, or those of a moment in replay). Deleted threads and deleted
 * messages are left out; a thread whose first message was deleted keeps its replies.
 */
import type { TLComment, TLCommentThread } from '@tldraw/tlschema'
import { commentText } from './comment-text.ts'

export interface CommentThreadView {
  thread: TLCommentThread
  /** Its messages, oldest first, deleted ones left out. */
  comments: TLComment[]
  /** Messages after the first. */
  replyCount: number
  resolved: boolean
  /** When the thread last changed: its newest message, or when it was resolved. */
  lastActivityAt: number
}

type AnyRecord = { id: string; typeName: string }

export function readCommentThreads(records: Iterable<AnyRecord>): CommentThreadView[] {
  const threads = new Map<string, TLCommentThread>()
  const comments = new Map<string, TLComment[]>()
  for (const record of records) {
    if (record.typeName === 'comment-thread') {
      const thread = record as unknown as TLCommentThread
      if (!thread.isDeleted) threads.set(thread.id, thread)
    } else if (record.typeName === 'comment') {
      const comment = record as unknown as TLComment
      if (comment.isDeleted) continue
      const list = comments.get(comment.threadId) ?? []
      list.push(comment)
      comments.set(comment.threadId, list)
    }
  }
  const views: CommentThreadView[] = []
  for (const thread of threads.values()) {
    const messages = (comments.get(thread.id) ?? []).sort(
      (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
    )
    const newest = messages.at(-1)?.createdAt ?? thread.createdAt
    views.push({
      thread,
      comments: messages,
      replyCount: Math.max(0, messages.length - 1),
      resolved: thread.resolved !== null,
      lastActivityAt: Math.max(newest, thread.resolved?.at ?? 0),
    })
  }
  return views.sort((a, b) => a.thread.createdAt - b.thread.createdAt || (a.thread.id < b.thread.id ? -1 : 1))
}

/**
 * What a thread is on, for a person: the anchored shape's label ("Approve budget"), a decision's
 * question; null for a thread on a point of the page, or on a shape no longer on the board.
 */
export function threadAnchorLabel(
  thread: Pick<TLCommentThread, 'anchor'>,
  recordOf: (id: string) => unknown,
): string | null {
  if (thread.anchor.type !== 'shape') return null
  const shape = recordOf(thread.anchor.shapeId) as
    | { typeName?: string; props?: { label?: unknown; question?: unknown; richText?: unknown } }
    | undefined
  if (shape?.typeName !== 'shape') return null
  const props = shape.props ?? {}
  const label =
    typeof props.question === 'string'
      ? props.question
      : typeof props.label === 'string'
        ? props.label
        : props.richText !== undefined
          ? commentText(props.richText)
          : ''
  const trimmed = label.trim().replace(/\s+/g, ' ')
  return trimmed === '' ? null : trimmed.length > 60 ? `${trimmed.slice(0, 60)}…` : trimmed
}
