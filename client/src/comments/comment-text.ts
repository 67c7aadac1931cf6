/**
 * Reading comment records: the plain text of a body and the live threads with their comments.
 * Local readers until @flowmap/shared's comments model exports its own (`commentText`,
 * `readCommentThreads`); these then become re-exports.
 */
import type { TLComment, TLCommentThread, TLRichText } from 'tldraw'

/** The plain text of a comment body (paragraphs joined by newlines). */
export function commentText(body: TLRichText): string {
  const lines: string[] = []
  const walk = (node: unknown, into: string[]): void => {
    if (typeof node !== 'object' || node === null) return
    const { type, text, content } = node as { type?: string; text?: unknown; content?: unknown }
    if (typeof text === 'string') into.push(text)
    if (type === 'hardBreak') into.push('\n')
    if (Array.isArray(content)) for (const child of content) walk(child, into)
  }
  const content = (body as { content?: unknown }).content
  for (const block of Array.isArray(content) ? content : []) {
    const parts: string[] = []
    walk(block, parts)
    lines.push(parts.join(''))
  }
  return lines.join('\n')
}

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
