/**
 * Builders of comment records as Flowmap writes them (tldraw 5.4's own `comment-thread` and `comment`
 * records, comment-meta.ts for what `meta` holds). Product code, tools and tests build them here, so
 * every writer fills the same fields the same way.
 */
import {
  createCommentId,
  createCommentThreadId,
  type TLComment,
  type TLCommentAnchor,
  type TLCommentThread,
  type TLPageId,
} from '@tldraw/tlschema'
import type { CommentMention } from './comment-meta.ts'
import { commentBody } from './comment-text.ts'

/** Who writes: the id the server knows them by (their token's subject; `local:<id>` in local mode) and their name. */
export interface CommentAuthor {
  id: string
  name: string
}

export function newCommentThread(init: {
  pageId: TLPageId
  anchor: TLCommentAnchor
  author: CommentAuthor
  now: number
  id?: string
  lintRule?: string
}): TLCommentThread {
  return {
    id: init.id === undefined ? createCommentThreadId() : (init.id as TLCommentThread['id']),
    typeName: 'comment-thread',
    pageId: init.pageId,
    anchor: init.anchor,
    createdBy: init.author.id,
    createdAt: init.now,
    resolved: null,
    isDeleted: false,
    meta: init.lintRule === undefined ? {} : { lintRule: init.lintRule },
  }
}

export function newComment(init: {
  thread: Pick<TLCommentThread, 'id' | 'pageId'>
  author: CommentAuthor
  text: string
  now: number
  mentions?: readonly CommentMention[]
  id?: string
}): TLComment {
  return {
    id: init.id === undefined ? createCommentId() : (init.id as TLComment['id']),
    typeName: 'comment',
    threadId: init.thread.id,
    pageId: init.thread.pageId,
    authorId: init.author.id,
    createdAt: init.now,
    editedAt: null,
    body: commentBody(init.text) as TLComment['body'],
    isDeleted: false,
    meta: {
      authorName: init.author.name,
      ...(init.mentions && init.mentions.length > 0
        ? { mentions: init.mentions.map((m) => ({ ...m })) }
        : {}),
    },
  }
}
