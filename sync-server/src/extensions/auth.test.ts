import { type BoardRole, readRecord, writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { loadBoardDoc } from '../boards/load-board.ts'
import type { BoardClient } from '../testing/board-client.ts'
import { openRawBoardSocket } from '../testing/raw-socket.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer()
function client(boardId: string, token: string): BoardClient {
  return server.connect(boardId, { token })
}

function token(board: string, role: BoardRole, options: { secret?: string; expiresInMs?: number } = {}) {
  return testToken({ sub: `user-${role}`, name: `The ${role}`, board, role }, options)
}

describe('auth and roles', () => {
  it("refuses a viewer's changes server-side, from a provider and from hand-crafted bytes alike", async () => {
    await server.start({ authSecret: TEST_SECRET })
    const board = 'viewed'
    const editor = client(board, await token(board, 'editor'))
    await editor.synced
    writeRecord(editor.doc, workflowShape('step', { id: 'existing', props: { label: 'Editor wrote this' } }))
    await editor.acknowledged()

    const viewer = client(board, await token(board, 'viewer'))
    await viewer.synced
    expect(readRecord(viewer.doc, 'shape:existing')).toBeDefined()
    writeRecord(viewer.doc, workflowShape('step', { id: 'from-viewer', props: { label: 'not allowed' } }))

    const forged = new Y.Doc()
    writeRecord(forged, workflowShape('step', { id: 'forged', props: { label: 'hand-crafted' } }))
    const raw = server.track(openRawBoardSocket(server.collabUrl, board, await token(board, 'viewer')))
    // Not Hocuspocus's read-only scope: it would drop a commenting viewer's comments unjudged. The
    // viewer stage refuses instead, with the refusal protocol.
    expect(await raw.scope).toBe('read-write')
    raw.sendUpdate(Y.encodeStateAsUpdate(forged))
    await vi.waitFor(() => expect(raw.stateless).toHaveLength(1))
    expect(JSON.parse(raw.stateless[0]!)).toMatchObject({ type: 'rejected', code: 'read-only' })

    // The editor keeps working and never receives either change; storage never has them.
    writeRecord(editor.doc, workflowShape('step', { id: 'later', props: { label: 'after the attempts' } }))
    await editor.acknowledged()
    await vi.waitFor(() => expect(viewer.rejections).toHaveLength(1))
    expect(viewer.rejections[0]).toMatchObject({ code: 'read-only' })
    const another = client(board, await token(board, 'viewer'))
    await another.synced
    expect(readRecord(another.doc, 'shape:later')).toBeDefined()
    expect(readRecord(another.doc, 'shape:from-viewer')).toBeUndefined()
    expect(readRecord(editor.doc, 'shape:from-viewer')).toBeUndefined()
    expect(readRecord(editor.doc, 'shape:forged')).toBeUndefined()
    const stored = (await loadBoardDoc(server.server.storage, board)).doc
    expect(readRecord(stored, 'shape:from-viewer')).toBeUndefined()
    expect(readRecord(stored, 'shape:forged')).toBeUndefined()
    expect(readRecord(stored, 'shape:later')).toBeDefined()
  })

  it.each([
    {
      what: 'a token for another board',
      make: () => token('board-b', 'editor'),
      reason: /opens board "board-b", not "board-a"/,
    },
    {
      what: 'an expired token',
      make: () => token('board-a', 'editor', { expiresInMs: -60_000 }),
      reason: /expired/,
    },
    {
      what: 'a token signed with another secret',
      make: () => token('board-a', 'facilitator', { secret: 'x'.repeat(32) }),
      reason: /signature/,
    },
    { what: 'a garbage token', make: async () => 'not.a.jwt', reason: /token/ },
    { what: 'no token while auth is on', make: async () => '', reason: /token is required/ },
  ])('refuses $what with its reason', async ({ make, reason }) => {
    await server.start({ authSecret: TEST_SECRET })
    const refused = client('board-a', await make())
    await vi.waitFor(() => expect(refused.authFailures.length).toBeGreaterThan(0))
    expect(refused.authFailures[0]).toMatch(reason)
    expect(refused.provider.isSynced).toBe(false)
  })

  it.each([
    { what: 'characters outside A-Z a-z 0-9 _ -', board: 'board with spaces!' },
    { what: 'more than 64 characters', board: 'b'.repeat(65) },
  ])('refuses a board id with $what', async ({ board }) => {
    await server.start()
    const refused = client(board, '')
    await vi.waitFor(() => expect(refused.authFailures.length).toBeGreaterThan(0))
    expect(refused.authFailures[0]).toMatch(/invalid board id/)
    expect(await server.server.storage.getBoard(board)).toBeUndefined()
  })
})
