import { voteField, writeRecords, writeWorkshopField } from '@flowmap/shared'
import { openVote, workflowShape } from '@flowmap/shared/testing'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import type { BoardUser } from '../auth/roles.ts'
import { asyncStorageOf } from '../storage/async-board-storage.ts'
import { SqliteStorage } from '../storage/sqlite-storage.ts'
import { decideVoteRequest } from './ballot-box.ts'

it('two casts of one person sent together are decided one after the other: the second finds the budget spent', async () => {
  const storage = asyncStorageOf(new SqliteStorage({ path: null, synchronous: 'normal' }))
  const doc = new Y.Doc()
  writeRecords(doc, [workflowShape('step', { id: 'a' }), workflowShape('step', { id: 'b', x: 300 })])
  writeWorkshopField(doc, voteField, openVote({ votesPerPerson: 1 }))
  const user: BoardUser = { id: 'pam', name: 'Pam', role: 'editor', board: 'b1' }
  const context = { doc, boardId: 'b1', user, storage, now: 1 }

  const [first, second] = await Promise.all([
    decideVoteRequest({ type: 'vote-cast', voteId: 'v1', shapeId: 'shape:a' }, context),
    decideVoteRequest({ type: 'vote-cast', voteId: 'v1', shapeId: 'shape:b' }, context),
  ])

  expect(first.answer).toMatchObject({ type: 'vote-ballot', shapeIds: ['shape:a'], votesLeft: 0 })
  expect(second.answer).toMatchObject({ type: 'vote-refused', voteId: 'v1' })
  expect((await storage.readVotes('b1', 'v1')).map((vote) => vote.shapeId)).toEqual(['shape:a'])
  await storage.close()
})

it("two servers sharing one database decide the same person's last vote apart: the storage refuses the one over budget", async () => {
  // Two async views of one database are two servers' ballot boxes: each queues its own requests only.
  const database = new SqliteStorage({ path: null, synchronous: 'normal' })
  const [here, there] = [asyncStorageOf(database), asyncStorageOf(database)]
  const doc = new Y.Doc()
  writeRecords(doc, [workflowShape('step', { id: 'a' }), workflowShape('step', { id: 'b', x: 300 })])
  writeWorkshopField(doc, voteField, openVote({ votesPerPerson: 1 }))
  const user: BoardUser = { id: 'pam', name: 'Pam', role: 'editor', board: 'b1' }

  const answers = await Promise.all([
    decideVoteRequest(
      { type: 'vote-cast', voteId: 'v1', shapeId: 'shape:a' },
      { doc, boardId: 'b1', user, storage: here, now: 1 },
    ),
    decideVoteRequest(
      { type: 'vote-cast', voteId: 'v1', shapeId: 'shape:b' },
      { doc, boardId: 'b1', user, storage: there, now: 1 },
    ),
  ])

  const stored = (await here.readVotes('b1', 'v1')).map((vote) => vote.shapeId)
  expect(stored).toHaveLength(1)
  const refused = answers.find((decision) => decision.answer.type === 'vote-refused')
  expect(refused?.answer).toMatchObject({
    voteId: 'v1',
    reason: expect.stringMatching(/used all 1 of your votes/),
  })
  expect(refused?.progress).toBeNull()
  expect(answers.find((decision) => decision.answer.type === 'vote-ballot')?.answer).toMatchObject({
    shapeIds: stored,
    votesLeft: 0,
  })
  database.close()
})
