/**
 * Reading comment records for the UI: the threads with every comment, deleted ones included (the
 * popover shows "deleted" in their place, so a reply keeps its context), unlike the model's
 * `readCommentThreads`, which leaves them out for history views and counts.
 */
import type { TLComment, TLCommentThread } from 'tldraw'

/** The plain text of a comment body: the model's reader (the server counts its limit on the same text). */
export { commentText } from '@flowmap/shared'

export type CommentThreadView = {
  readonly thread: TLCommentThread
  /** Its comments, oldest first, deleted ones included (shown as "deleted"). */
  readonly comments: readonly TLComment[]
}

/** The threads that are not deleted, oldest first, each with its comments. */
export function readCommentThreads(records: Iterable<{ readonly typeName: string }>): CommentThreadView[] {
  const threads: TLCommentThread[] = []
  const comments = new Map<string, TLComment[]>()
  for (const record of records) {
    if (record.typeName === 'comment-thread') threads.push(record as unknown as TLCommentThread)
    else if (record.typeName === 'comment') {
      const comment = record as unknown as TLComment
      const list = comments.get(comment.threadId) ?? []
      list.push(comment)
      comments.set(comment.threadId, list)
    }
  }
  const byTime = <T extends { createdAt: number; id: string }>(a: T, b: T) =>
    a.createdAt - b.createdAt || a.id.localeCompare(b.id)
  return threads
    .filter((thread) => !thread.isDeleted)
    .sort(byTime)
    .map((thread) => ({ thread, comments: (comments.get(thread.id) ?? []).sort(byTime) }))
}

/** The comments a thread shows as replies: not deleted ones. */
export function liveComments(view: CommentThreadView): TLComment[] {
  return view.comments.filter((comment) => !comment.isDeleted)
}
