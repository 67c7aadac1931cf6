/**
 * Comments against the real server: each rule of comments-are-their-authors.ts, comment-anchors-exist.ts
 * and viewers-only-comment.ts, from real providers with signed tokens. A refused write reaches nobody
 * and is not stored; its writer is told why.
 */
import {
  type BoardRole,
  boardLockField,
  MAX_COMMENT_CHARS,
  newComment,
  newCommentThread,
  readRecord,
  viewerCommentsField,
  writeRecord,
  writeRecords,
  writeWorkshopField,
} from '@flowmap/shared'
import { pageRecord, TEST_PAGE_ID, workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it, vi } from 'vitest'
import type * as Y from 'yjs'
import { TEST_SECRET } from '../../testing/test-server.ts'
import { testToken } from '../../testing/test-tokens.ts'
import { useTestServer } from '../../testing/use-test-server.ts'
import { loadBoardDoc } from '../load-board.ts'

type TLCommentThread = ReturnType<typeof newCommentThread>
type TLComment = ReturnType<typeof newComment>

const server = useTestServer({ per: 'suite', config: { authSecret: TEST_SECRET } })

const people = {
  facilitator: { id: 'u-fay', name: 'Fay' },
  editor: { id: 'u-dana', name: 'Dana' },
  other: { id: 'u-sam', name: 'Sam' },
  viewer: { id: 'u-vic', name: 'Vic' },
} as const
type Person = keyof typeof people
const roleOf: Record<Person, BoardRole> = {
  facilitator: 'facilitator',
  editor: 'editor',
  other: 'editor',
  viewer: 'viewer',
}

let boards = 0
/** A board with one step, "Approve budget", and the facilitator's settings. */
async function board(settings: { viewerComments?: boolean; locked?: boolean } = {}): Promise<string> {
  const id = `comments-${++boards}`
  await as('facilitator', id, (doc) => {
    writeRecords(doc, [
      pageRecord(),
      workflowShape('step', { id: 'approve', props: { label: 'Approve budget' } }),
    ])
    if (settings.viewerComments) writeWorkshopField(doc, viewerCommentsField, true)
    if (settings.locked) writeWorkshopField(doc, boardLockField, { by: 'u-fay', name: 'Fay', at: 1 })
  })
  return id
}

/** Connects as `person`, writes, and answers the refusal's reason, or null once the write is acknowledged. */
async function as(person: Person, boardId: string, write: (doc: Y.Doc) => void): Promise<string | null> {
  const { id, name } = people[person]
  const token = await testToken({ sub: id, name, board: boardId, role: roleOf[person] })
  const client = server.connect(boardId, { token })
  await client.synced
  write(client.doc)
  const outcome = await Promise.race([
    client.acknowledged().then(() => null),
    vi.waitFor(() => {
      if (client.rejections.length === 0) throw new Error('not refused yet')
      return client.rejections[0]!.reason
    }),
  ])
  server.end(client)
  return outcome
}

async function stored(boardId: string, recordId: string): Promise<unknown> {
  return readRecord((await loadBoardDoc(server.server.storage, boardId)).doc, recordId)
}

const onStep = (author: Person, id = 'comment-thread:t1'): TLCommentThread =>
  newCommentThread({
    id,
    pageId: TEST_PAGE_ID,
    anchor: { type: 'shape', shapeId: 'shape:approve' as never, x: 0.9, y: 0.1, isPrecise: true },
    author: people[author],
    now: 1_000,
  })
const message = (thread: TLCommentThread, author: Person, text: string, id?: string): TLComment =>
  newComment({ thread, author: people[author], text, now: 2_000, ...(id ? { id } : {}) })

describe('comments on the server', () => {
  it('a person starts a thread and another replies; both are stored in their names', async () => {
    const id = await board()
    const thread = onStep('editor')
    expect(
      await as('editor', id, (doc) =>
        writeRecords(doc, [thread, message(thread, 'editor', 'Who approves this?')]),
      ),
    ).toBeNull()
    const reply = message(thread, 'other', 'The IT lead', 'comment:reply')
    expect(await as('other', id, (doc) => writeRecord(doc, reply))).toBeNull()
    expect(await stored(id, 'comment:reply')).toMatchObject({ authorId: 'u-sam', threadId: thread.id })
  })

  it('refuses a comment in another name, an edit of someone else’s, and a hard delete', async () => {
    const id = await board()
    const thread = onStep('editor')
    const first = message(thread, 'editor', 'Who approves this?', 'comment:first')
    expect(await as('editor', id, (doc) => writeRecords(doc, [thread, first]))).toBeNull()

    expect(await as('other', id, (doc) => writeRecord(doc, message(thread, 'editor', 'I am Dana')))).toBe(
      'a new comment must be written in your own name (authorId "u-sam")',
    )
    const rewritten = { ...first, body: message(thread, 'editor', 'Nobody').body, editedAt: 3_000 }
    expect(await as('other', id, (doc) => writeRecord(doc, rewritten))).toBe(
      'you can only edit or delete your own comments',
    )
    expect(await as('other', id, (doc) => writeRecord(doc, { ...first, authorId: 'u-sam' }))).toBe(
      "a comment's authorId never changes",
    )
    expect(await as('editor', id, (doc) => doc.getMap('records').delete(first.id))).toBe(
      'a comment is deleted by marking it deleted, never removed (only a facilitator removes one)',
    )
    expect(await stored(id, first.id)).toMatchObject({ authorId: 'u-dana', isDeleted: false })

    // Its author edits it; a facilitator may take it down (soft), and resolves the thread in their name.
    expect(await as('editor', id, (doc) => writeRecord(doc, { ...rewritten, authorId: 'u-dana' }))).toBeNull()
    expect(
      await as('facilitator', id, (doc) => writeRecord(doc, { ...rewritten, isDeleted: true })),
    ).toBeNull()
    const resolved = { ...thread, resolved: { at: 4_000, by: 'u-dana' } }
    expect(await as('other', id, (doc) => writeRecord(doc, resolved))).toBe(
      'a thread is resolved in your own name (resolved.by "u-sam")',
    )
    expect(
      await as('other', id, (doc) => writeRecord(doc, { ...resolved, resolved: { at: 4_000, by: 'u-sam' } })),
    ).toBeNull()
    expect(await stored(id, thread.id)).toMatchObject({ resolved: { by: 'u-sam' } })
  })

  it('refuses a thread anchored to a missing shape, a reply to a missing thread, and an oversized comment', async () => {
    const id = await board()
    const astray = {
      ...onStep('editor', 'comment-thread:astray'),
      anchor: { type: 'shape', shapeId: 'shape:gone', x: 0, y: 0, isPrecise: false },
    } as TLCommentThread
    expect(await as('editor', id, (doc) => writeRecord(doc, astray))).toBe(
      'comment thread comment-thread:astray is anchored to shape:gone, which is not on the board',
    )
    const orphan = message(onStep('editor', 'comment-thread:never'), 'editor', 'hello?', 'comment:orphan')
    expect(await as('editor', id, (doc) => writeRecord(doc, orphan))).toBe(
      'comment comment:orphan belongs to thread comment-thread:never, which is not on the board',
    )
    const thread = onStep('editor')
    const long = message(thread, 'editor', 'x'.repeat(MAX_COMMENT_CHARS + 1), 'comment:long')
    expect(await as('editor', id, (doc) => writeRecords(doc, [thread, long]))).toBe(
      'comment comment:long: body is 10,001 characters; a comment holds at most 10,000',
    )
    expect(await stored(id, 'comment:long')).toBeUndefined()
    expect(await stored(id, 'comment-thread:astray')).toBeUndefined()
  })

  it('a viewer comments only where the facilitator allows it, and writes nothing else', async () => {
    const closed = await board()
    const thread = onStep('viewer')
    expect(await as('viewer', closed, (doc) => writeRecord(doc, thread))).toBe(
      'you can view this board but not change it (your role here is viewer)',
    )
    expect(await stored(closed, thread.id)).toBeUndefined()

    const open = await board({ viewerComments: true })
    expect(
      await as('viewer', open, (doc) => writeRecords(doc, [thread, message(thread, 'viewer', 'A question')])),
    ).toBeNull()
    expect(await stored(open, thread.id)).toMatchObject({ createdBy: 'u-vic' })
    expect(
      await as('viewer', open, (doc) =>
        writeRecord(doc, workflowShape('step', { id: 'sneaky', props: { label: 'x' } })),
      ),
    ).toBe('viewers may only comment on this board: a step is not yours to change (your role here is viewer)')
    expect(await as('viewer', open, (doc) => writeWorkshopField(doc, viewerCommentsField, false))).toBe(
      'you can view this board but not change it (your role here is viewer)',
    )
    expect(await stored(open, 'shape:sneaky')).toBeUndefined()
    // An editor's thread is not the viewer's to move.
    const editors = onStep('editor', 'comment-thread:editors')
    expect(await as('editor', open, (doc) => writeRecord(doc, editors))).toBeNull()
    const moved = { ...editors, anchor: { type: 'point', x: 5, y: 5 } } as TLCommentThread
    expect(await as('viewer', open, (doc) => writeRecord(doc, moved))).toBe(
      "you can only move your own comment threads' pins",
    )
  })

  it('a locked board is still open to comments', async () => {
    const id = await board({ locked: true })
    const thread = onStep('editor')
    expect(
      await as('editor', id, (doc) => writeRecords(doc, [thread, message(thread, 'editor', 'Why locked?')])),
    ).toBeNull()
    expect(
      await as('editor', id, (doc) =>
        writeRecord(doc, workflowShape('step', { id: 'new', props: { label: 'x' } })),
      ),
    ).toMatch(/^the board is locked by Fay/)
  })
})
