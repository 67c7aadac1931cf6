import { describe, expect, test } from 'vitest'
import { MAX_COMMENT_CHARS, MAX_COMMENT_MENTIONS } from '../schema/limits.ts'
import { validateRecord } from '../schema/validate-record.ts'
import { TEST_PAGE_ID } from '../testing/shape-records.ts'
import { mentionsOf, mentionsPerson } from './comment-meta.ts'
import { newComment, newCommentThread } from './comment-records.ts'
import { commentText } from './comment-text.ts'

const dana = { id: 'local:dana', name: 'Dana' }
const thread = newCommentThread({
  id: 'comment-thread:t1',
  pageId: TEST_PAGE_ID,
  anchor: { type: 'shape', shapeId: 'shape:approve' as never, x: 0.5, y: 0.2, isPrecise: true },
  author: dana,
  now: 1_700_000_000_000,
})

function messageOf(record: unknown): string | null {
  const checked = validateRecord(record)
  return checked.ok ? null : checked.error.message
}

describe('comment records', () => {
  test('a thread and a comment as Flowmap writes them are valid', () => {
    expect(messageOf(thread)).toBeNull()
    const comment = newComment({
      thread,
      author: dana,
      text: 'Who approves this?\n@IT lead',
      now: 1_700_000_000_001,
      mentions: [{ kind: 'role', id: 'role:it', name: 'IT lead' }],
    })
    expect(messageOf(comment)).toBeNull()
    expect(commentText(comment.body)).toBe('Who approves this?\n@IT lead')
  })

  test('a malformed one is refused with the field and the reason', () => {
    expect(messageOf({ ...thread, anchor: { type: 'shape', shapeId: 'shape:a' } })).toMatch(
      /^comment-thread comment-thread:t1: anchor\.x /,
    )
    expect(messageOf({ ...thread, createdBy: 42 })).toMatch(/createdBy must be a string, got a number/)
    expect(messageOf({ ...thread, anchor: { ...thread.anchor, x: 3 } })).toBe(
      'comment-thread comment-thread:t1: anchor.x must be within 0–1 of the shape, got 3',
    )
    const comment = newComment({ thread, author: dana, text: 'hi', now: 1 })
    expect(messageOf({ ...comment, body: 'hi' })).toMatch(/^comment comment:\S+: body /)
    expect(messageOf({ ...comment, meta: { mentions: [{ kind: 'team', id: 'x', name: 'X' }] } })).toMatch(
      /meta\.mentions\[0\]\.kind must be one of person\|role, got team/,
    )
  })

  test('an oversized one is refused, naming the limit', () => {
    const long = newComment({ thread, author: dana, text: 'x'.repeat(MAX_COMMENT_CHARS + 1), now: 1 })
    expect(messageOf(long)).toMatch(/body is 10,001 characters; a comment holds at most 10,000$/)
    const crowd = Array.from({ length: MAX_COMMENT_MENTIONS + 1 }, (_, i) => ({
      kind: 'person' as const,
      id: `p${i}`,
      name: `P${i}`,
    }))
    const mentioning = newComment({ thread, author: dana, text: 'all of you', now: 1, mentions: crowd })
    expect(messageOf(mentioning)).toMatch(/meta\.mentions is invalid: must list at most 50 mentions, got 51/)
    expect(messageOf({ ...thread, createdBy: 'u'.repeat(500) })).toMatch(/createdBy is 500 characters/)
  })

  test('mentions are read from meta, and tell whom they mention', () => {
    const comment = newComment({
      thread,
      author: dana,
      text: '@Sam and @IT lead',
      now: 1,
      mentions: [
        { kind: 'person', id: 'local:sam', name: 'Sam' },
        { kind: 'role', id: 'role:it', name: 'IT lead' },
      ],
    })
    expect(mentionsOf(comment).map((m) => m.name)).toEqual(['Sam', 'IT lead'])
    expect(mentionsPerson(comment, 'local:sam')).toBe(true)
    expect(mentionsPerson(comment, 'local:kim')).toBe(false)
    expect(mentionsPerson(comment, 'local:kim', new Set(['role:it']))).toBe(true)
    expect(mentionsOf({ meta: { mentions: 'nope' } })).toEqual([])
  })
})
