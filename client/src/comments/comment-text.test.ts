import { toRichText } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { commentText, readCommentThreads } from './comment-text.ts'

describe('comment readers', () => {
  it('reads a body back as its text', () => {
    expect(commentText(toRichText('Who approves this?\nThe CFO'))).toBe('Who approves this?\nThe CFO')
  })

  it('lists live threads oldest first with their comments', () => {
    const thread = (id: string, createdAt: number, isDeleted = false) => ({
      typeName: 'comment-thread',
      id,
      createdAt,
      isDeleted,
    })
    const comment = (id: string, threadId: string, createdAt: number) => ({
      typeName: 'comment',
      id,
      threadId,
      createdAt,
    })
    const views = readCommentThreads([
      comment('comment:2', 'comment-thread:a', 2),
      thread('comment-thread:b', 5),
      thread('comment-thread:a', 1),
      thread('comment-thread:gone', 0, true),
      comment('comment:1', 'comment-thread:a', 1),
      { typeName: 'shape' },
    ])
    expect(views.map((view) => view.thread.id)).toEqual(['comment-thread:a', 'comment-thread:b'])
    expect(views[0]!.comments.map((c) => c.id)).toEqual(['comment:1', 'comment:2'])
  })
})
