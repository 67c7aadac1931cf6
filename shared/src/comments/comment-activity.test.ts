import { describe, expect, test } from 'vitest'
import { deleteRecord, readRecord, writeRecord, writeRecords } from '../doc/records.ts'
import { scriptedLog } from '../testing/scripted-log.ts'
import { TEST_PAGE_ID, workflowShape } from '../testing/shape-records.ts'
import { commentActivity, commentActivityParts, commentActivitySentence } from './comment-activity.ts'
import { newComment, newCommentThread } from './comment-records.ts'

const ana = { id: 'local:ana', name: 'Ana' }
const dana = { id: 'local:dana', name: 'Dana' }
const step = workflowShape('step', { id: 'shape:approve', props: { label: 'Approve budget' } })
const thread = newCommentThread({
  id: 'comment-thread:t',
  pageId: TEST_PAGE_ID,
  anchor: { type: 'shape', shapeId: step.id as never, x: 1, y: 0, isPrecise: false },
  author: ana,
  now: 1,
})
const onPoint = newCommentThread({
  id: 'comment-thread:p',
  pageId: TEST_PAGE_ID,
  anchor: { type: 'point', x: 10, y: 20 },
  author: dana,
  now: 1,
})
const first = newComment({ id: 'comment:1', thread, author: ana, text: 'Who approves this?', now: 1 })
const reply = (id: string, author = dana) => newComment({ id, thread, author, text: `reply ${id}`, now: 2 })

/** 1 step, 2 Ana's thread, 3–4 Dana's replies, 5 Ana's edit, 6 Dana resolves, 7 Dana deletes a reply. */
const log = scriptedLog([
  ['ana', 1, (doc) => writeRecord(doc, step)],
  ['ana', 2, (doc) => writeRecords(doc, [thread, first])],
  ['dana', 3, (doc) => writeRecord(doc, reply('comment:2'))],
  ['dana', 4, (doc) => writeRecord(doc, reply('comment:3'))],
  [
    'ana',
    5,
    (doc) =>
      writeRecord(doc, {
        ...first,
        body: newComment({ thread, author: ana, text: 'Who signs?', now: 1 }).body,
        editedAt: 5,
      }),
  ],
  ['dana', 6, (doc) => writeRecord(doc, { ...thread, resolved: { at: 6, by: dana.id } })],
  [
    'dana',
    7,
    (doc) =>
      writeRecord(doc, { ...(readRecord(doc, 'comment:3') as unknown as typeof first), isDeleted: true }),
  ],
])

describe('comment activity', () => {
  test('two comments added to a thread that had its first are two replies, told with the step label', () => {
    const items = commentActivity(log, 2, 4)
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ userId: 'dana', threadId: thread.id, threadLabel: 'Approve budget' })
    expect(items[0]!.counts.replied).toBe(2)
    expect(commentActivitySentence(items[0]!, 'Dana')).toBe('Dana: 2 replies on *Approve budget*')
  })

  test("a new thread's first comment is its start, not a reply", () => {
    const items = commentActivity(log, 1, 2)
    expect(items.map((item) => commentActivitySentence(item, 'Ana'))).toEqual([
      'Ana started a thread on *Approve budget*',
    ])
    expect(items[0]!.counts.replied).toBe(0)
  })

  test('over the whole log: per person and thread, in the order they first appear', () => {
    const sentences = commentActivity(log, 0, 7).map((item) =>
      commentActivitySentence(item, item.userId === 'ana' ? 'Ana' : 'Dana'),
    )
    expect(sentences).toEqual([
      'Ana started a thread and edited a comment on *Approve budget*',
      'Dana replied 2 times, deleted a comment and resolved a thread on *Approve budget*',
    ])
  })

  test('one reply, and a resolve alone, read as what the person did', () => {
    expect(commentActivity(log, 2, 3).map((item) => commentActivitySentence(item, 'Dana'))).toEqual([
      'Dana replied on *Approve budget*',
    ])
    expect(commentActivity(log, 5, 6).map((item) => commentActivitySentence(item, 'Dana'))).toEqual([
      'Dana resolved a thread on *Approve budget*',
    ])
    const [item] = commentActivity(log, 2, 4)
    expect(commentActivityParts(item!, null)).toEqual({ lead: '2 replies on', label: 'Approve budget' })
  })

  test('shape edits are no comment activity', () => {
    expect(commentActivity(log, 0, 1)).toEqual([])
  })

  test('a first comment written after its thread, in a later entry, is still the start', () => {
    const apart = scriptedLog([
      ['dana', 1, (doc) => writeRecord(doc, onPoint)],
      [
        'dana',
        2,
        (doc) =>
          writeRecord(
            doc,
            newComment({ id: 'comment:a', thread: onPoint, author: dana, text: 'Here?', now: 2 }),
          ),
      ],
      [
        'ana',
        3,
        (doc) =>
          writeRecord(
            doc,
            newComment({ id: 'comment:b', thread: onPoint, author: ana, text: 'Yes', now: 3 }),
          ),
      ],
    ])
    const items = commentActivity(apart, 0, 3)
    expect(items.map((item) => [item.userId, item.counts.started, item.counts.replied])).toEqual([
      ['dana', 1, 0],
      ['ana', 0, 1],
    ])
    expect(commentActivitySentence(items[1]!, 'Ana')).toBe('Ana replied on *a point on the board*')
  })

  test("a thread from a lint finding is named by the step and the finding; a removed step's by its last label", () => {
    const lintThread = newCommentThread({
      id: 'comment-thread:lint',
      pageId: TEST_PAGE_ID,
      anchor: { type: 'shape', shapeId: step.id as never, x: 1, y: 0, isPrecise: false },
      author: ana,
      now: 1,
      lintRule: 'step-without-owner',
    })
    const withLint = scriptedLog([
      ['ana', 1, (doc) => writeRecord(doc, step)],
      [
        'ana',
        2,
        (doc) =>
          writeRecords(doc, [
            lintThread,
            newComment({ id: 'comment:l', thread: lintThread, author: ana, text: 'Owner?', now: 2 }),
          ]),
      ],
      ['dana', 3, (doc) => deleteRecord(doc, step.id)],
      [
        'dana',
        4,
        (doc) =>
          writeRecord(
            doc,
            newComment({ id: 'comment:m', thread: lintThread, author: dana, text: 'Removed it', now: 4 }),
          ),
      ],
    ])
    const [started, replied] = commentActivity(withLint, 0, 4)
    expect(started!.threadLabel).toBe('Approve budget (Step without owner)')
    expect(replied!.threadLabel).toBe('Approve budget (Step without owner)')
    const afterRemoval = commentActivity(withLint, 3, 4)
    expect(afterRemoval[0]!.threadLabel).toBe('Step without owner')
  })

  test('a thread deleted, and a comment removed by a facilitator, are told as deletes', () => {
    const removal = scriptedLog([
      ['ana', 1, (doc) => writeRecords(doc, [thread, first])],
      ['dana', 2, (doc) => writeRecord(doc, reply('comment:2'))],
      ['fac', 3, (doc) => deleteRecord(doc, 'comment:2')],
      ['fac', 4, (doc) => writeRecord(doc, { ...thread, isDeleted: true })],
    ])
    const items = commentActivity(removal, 2, 4)
    expect(items.map((item) => commentActivitySentence(item, 'Fac'))).toEqual([
      'Fac deleted a comment and deleted a thread on *a removed shape*',
    ])
  })
})
