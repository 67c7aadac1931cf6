import { readSeen } from './comment-device.ts'
import type { CommentThreadView } from './comment-text.ts'
import { mentionsMe } from './mentions.ts'

/** Comments by others that mention me (my id, or a role I said is mine) and that I have not opened. */
export function unreadMentionIds(
  threads: readonly CommentThreadView[],
  me: string,
  myRoles: ReadonlySet<string>,
  seen: ReadonlySet<string>,
): string[] {
  return threads.flatMap(({ comments }) =>
    comments
      .filter(
        (comment) =>
          !comment.isDeleted &&
          comment.authorId !== me &&
          !seen.has(comment.id) &&
          mentionsMe(comment.meta.mentions, me, myRoles),
      )
      .map((comment) => comment.id),
  )
}

export function unreadFor(
  boardId: string,
  threads: readonly CommentThreadView[],
  me: string,
  myRoles: ReadonlySet<string>,
) {
  return unreadMentionIds(threads, me, myRoles, readSeen(boardId)).length
}
