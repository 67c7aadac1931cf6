import { describe, expect, test } from 'vitest'
import { TEST_PAGE_ID, workflowShape } from '../testing/shape-records.ts'
import { newComment, newCommentThread } from './comment-records.ts'
import { readCommentThreads, threadAnchorLabel } from './comment-threads.ts'

const dana = { id: 'local:dana', name: 'Dana' }
const sam = { id: 'local:sam', name: 'Sam' }
const step = workflowShape('step', { id: 'shape:approve', props: { label: 'Approve budget' } })
const onStep = newCommentThread({
  id: 'comment-thread:a',
  pageId: TEST_PAGE_ID,
  anchor: { type: 'shape', shapeId: step.id as never, x: 1, y: 0, isPrecise: false },
  author: dana,
  now: 100,
})
const onPoint = newCommentThread({
  id: 'comment-thread:b',
  pageId: TEST_PAGE_ID,
  anchor: { type: 'point', x: 10, y: 20 },
  author: sam,
  now: 50,
})

describe('comment threads', () => {
  test('come in the order they were started, messages oldest first, deleted ones left out', () => {
    const first = newComment({ thread: onStep, author: dana, text: 'Who approves this?', now: 100 })
    const reply = newComment({ thread: onStep, author: sam, text: 'The IT lead', now: 300 })
    const gone = { ...newComment({ thread: onStep, author: sam, text: 'oops', now: 200 }), isDeleted: true }
    const resolvedPoint = { ...onPoint, resolved: { at: 900, by: sam.id } }
    const deletedThread = { ...newCommentThread({ ...onPoint, author: sam, now: 1 }), isDeleted: true }
    const views = readCommentThreads([reply, step, first, gone, resolvedPoint, onStep, deletedThread])
    expect(views.map((view) => view.thread.id)).toEqual(['comment-thread:b', 'comment-thread:a'])
    const [point, approve] = views
    expect(point).toMatchObject({ replyCount: 0, resolved: true, lastActivityAt: 900, comments: [] })
    expect(approve!.comments.map((comment) => comment.id)).toEqual([first.id, reply.id])
    expect(approve).toMatchObject({ replyCount: 1, resolved: false, lastActivityAt: 300 })
  })

  test("are named after the shape they are on; a point's, or a deleted shape's, has no name", () => {
    const records = new Map<string, unknown>([[step.id, step]])
    expect(threadAnchorLabel(onStep, (id) => records.get(id))).toBe('Approve budget')
    expect(threadAnchorLabel(onPoint, (id) => records.get(id))).toBeNull()
    expect(threadAnchorLabel(onStep, () => undefined)).toBeNull()
  })
})
