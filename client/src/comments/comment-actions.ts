/**
 * Writing comments: each change goes through the editor's store outside the undo history (Ctrl+Z
 * never takes back a comment), and the store ⇄ Y.Doc binding syncs it, offline included.
 */
import {
  createComment,
  createCommentThread,
  type Editor,
  type TLComment,
  type TLCommentAnchor,
  type TLCommentId,
  type TLCommentThread,
  type TLCommentThreadId,
  toRichText,
} from 'tldraw'
import type { Mention } from './mentions.ts'

export type Commenter = { readonly id: string; readonly name: string }

const outsideHistory = (editor: Editor, change: () => void) => editor.run(change, { history: 'ignore' })

type CommentRecord = TLComment | TLCommentThread
/** The store typed for comment records (registered in the schema as custom records, absent from TLRecord). */
const commentStore = (editor: Editor) =>
  editor.store as unknown as {
    get(id: string): CommentRecord | undefined
    put(records: CommentRecord[]): void
  }

function commentMeta(author: Commenter, mentions: readonly Mention[]) {
  return {
    authorName: author.name,
    mentions: mentions.map(({ kind, id, name }) => ({ kind, id, name })),
  }
}

/** A new thread with its first comment; returns the thread's id. */
export function startThread(
  editor: Editor,
  options: {
    anchor: TLCommentAnchor
    author: Commenter
    text: string
    mentions: readonly Mention[]
    lintRule?: string
  },
): TLCommentThreadId {
  const pageId = editor.getCurrentPageId()
  const thread = createCommentThread({
    anchor: options.anchor,
    createdBy: options.author.id,
    pageId,
    meta: options.lintRule ? { lintRule: options.lintRule } : {},
  })
  const comment = createComment({
    threadId: thread.id,
    authorId: options.author.id,
    body: toRichText(options.text),
    pageId,
    meta: commentMeta(options.author, options.mentions),
  })
  outsideHistory(editor, () => commentStore(editor).put([thread, comment]))
  return thread.id
}

export function reply(
  editor: Editor,
  thread: TLCommentThread,
  author: Commenter,
  text: string,
  mentions: readonly Mention[],
): void {
  const comment = createComment({
    threadId: thread.id,
    authorId: author.id,
    body: toRichText(text),
    pageId: thread.pageId,
    meta: commentMeta(author, mentions),
  })
  outsideHistory(editor, () => commentStore(editor).put([comment]))
}

export function editComment(
  editor: Editor,
  id: TLCommentId,
  text: string,
  mentions: readonly Mention[],
): void {
  const comment = commentStore(editor).get(id) as TLComment | undefined
  if (!comment) return
  const meta = { ...comment.meta, mentions: mentions.map(({ kind, id, name }) => ({ kind, id, name })) }
  outsideHistory(editor, () =>
    commentStore(editor).put([{ ...comment, body: toRichText(text), editedAt: Date.now(), meta }]),
  )
}

/** Soft delete: the record stays (history and replay keep it), marked deleted. */
export function deleteComment(editor: Editor, id: TLCommentId): void {
  const comment = commentStore(editor).get(id) as TLComment | undefined
  if (comment) outsideHistory(editor, () => commentStore(editor).put([{ ...comment, isDeleted: true }]))
}

export function setResolved(editor: Editor, id: TLCommentThreadId, by: string | null): void {
  const thread = commentStore(editor).get(id) as TLCommentThread | undefined
  if (!thread) return
  const resolved = by === null ? null : { at: Date.now(), by }
  outsideHistory(editor, () => commentStore(editor).put([{ ...thread, resolved }]))
}
