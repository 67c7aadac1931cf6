import { readRecord, readRecords, readRoles, writeRecord, writeRole } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { BoardClient } from '../testing/board-client.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer()
async function editor(board: string, sub: string): Promise<BoardClient> {
  const token = await testToken({ sub, name: sub.toUpperCase(), board, role: 'editor' })
  const client = server.connect(board, { token })
  await client.synced
  return client
}

describe('history', () => {
  it('records each accepted update with its user and sequence; checkpoint + tail rebuilds the exact state', async () => {
    await server.start({ authSecret: TEST_SECRET, checkpointEvery: 4 })
    const board = 'replayed'
    const ada = await editor(board, 'ada')
    const bo = await editor(board, 'bo')
    const expected: { userId: string; clientId: number }[] = []
    // One acknowledged change at a time, so the order of the log is known.
    for (let i = 0; i < 11; i++) {
      const author = i % 3 === 2 ? bo : ada
      if (i === 5) writeRole(author.doc, { id: 'role:ops', name: 'Ops', color: '#f80', kind: 'team' })
      else
        writeRecord(
          author.doc,
          workflowShape('step', { id: `s${i % 4}`, x: i, props: { label: `Edit ${i}` } }),
        )
      await author.acknowledged()
      expected.push({ userId: author === ada ? 'ada' : 'bo', clientId: author.doc.clientID })
    }

    const storage = server.server.storage
    const entries = await storage.readHistory(board, { afterSeq: 0, limit: 100 })
    expect(entries.map((entry) => entry.seq)).toEqual(expected.map((_, i) => i + 1))
    expect(entries.map(({ userId, clientId }) => ({ userId, clientId }))).toEqual(expected)
    expect(entries.map((entry) => entry.userName)).toEqual(expected.map((e) => e.userId.toUpperCase()))
    expect((await storage.listCheckpoints(board)).map((checkpoint) => checkpoint.seq)).toEqual([4, 8])

    const checkpoint = (await storage.latestCheckpoint(board))!
    const replayed = new Y.Doc()
    Y.applyUpdate(replayed, checkpoint.state)
    for (const entry of await storage.readHistory(board, { afterSeq: checkpoint.seq, limit: 100 })) {
      Y.applyUpdate(replayed, entry.update)
    }
    expect(Y.encodeStateVector(replayed)).toEqual(Y.encodeStateVector(ada.doc))
    expect(Y.encodeStateAsUpdate(replayed)).toEqual(Y.encodeStateAsUpdate(ada.doc))
    expect(sortById(readRecords(replayed))).toEqual(sortById(readRecords(ada.doc)))
    expect(readRoles(replayed)).toEqual([{ id: 'role:ops', name: 'Ops', color: '#f80', kind: 'team' }])

    // The log alone, from the first entry, reaches the same state.
    const fromScratch = new Y.Doc()
    for (const entry of entries) Y.applyUpdate(fromScratch, entry.update)
    expect(Y.encodeStateAsUpdate(fromScratch)).toEqual(Y.encodeStateAsUpdate(replayed))
  })

  it('refuses, rather than acknowledges, an update it cannot append', async () => {
    await server.start({ authSecret: TEST_SECRET })
    const board = 'disk-gone'
    const ada = await editor(board, 'ada')
    const bo = await editor(board, 'bo')
    await server.server.storage.close()
    writeRecord(ada.doc, workflowShape('step', { id: 'unstored', props: { label: 'nowhere to go' } }))
    await vi.waitFor(() => expect(ada.rejections).toHaveLength(1))
    expect(ada.rejections[0]).toMatchObject({ code: 'storage-unavailable', recordId: null })
    expect(ada.provider.hasUnsyncedChanges).toBe(true)
    expect(readRecord(bo.doc, 'shape:unstored')).toBeUndefined()
  })
})

function sortById<T extends { id: string }>(records: T[]): T[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : 1))
}
