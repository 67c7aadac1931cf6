// @vitest-environment happy-dom
/**
 * The replay store shows a moment's comments as it shows its shapes: a thread started after the
 * moment is not there, and seeking back removes one shown before.
 */
import { newComment, newCommentThread, writeRecords } from '@flowmap/shared'
import { documentRecord, pageRecord, scriptedLog, TEST_PAGE_ID, workflowShape } from '@flowmap/shared/testing'
import { expect, test } from 'vitest'
import { createReplayStore, showContentInStore } from './replay-store.ts'

const ana = { id: 'local:ana', name: 'Ana' }
const step = workflowShape('step', { id: 'shape:approve', props: { label: 'Approve budget' } })
const thread = newCommentThread({
  id: 'comment-thread:t',
  pageId: TEST_PAGE_ID,
  anchor: { type: 'shape', shapeId: step.id as never, x: 1, y: 0, isPrecise: false },
  author: ana,
  now: 1,
})
const comment = newComment({ id: 'comment:1', thread, author: ana, text: 'Who approves this?', now: 1 })

test("a moment's comment records are in the replay store, and leave when seeking before them", () => {
  const log = scriptedLog([
    ['ana', 1, (doc) => writeRecords(doc, [documentRecord(), pageRecord(), step])],
    ['ana', 2, (doc) => writeRecords(doc, [thread, comment])],
  ])
  const store = createReplayStore()
  const commentIds = () =>
    store
      .allRecords()
      .filter((record) => record.typeName.startsWith('comment'))
      .map((record) => record.id)
      .sort()

  expect(showContentInStore(store, log.contentAt(2))).toEqual([])
  expect(commentIds()).toEqual(['comment-thread:t', 'comment:1'])
  showContentInStore(store, log.contentAt(1))
  expect(commentIds()).toEqual([])
  expect(store.get(step.id as never)).toBeDefined()
  log.destroy()
})
