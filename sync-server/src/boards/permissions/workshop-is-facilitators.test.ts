import { boardLockField, readWorkshopField, writeWorkshopField } from '@flowmap/shared'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { BoardClient } from '../../testing/board-client.ts'
import { TEST_SECRET } from '../../testing/test-server.ts'
import { testToken } from '../../testing/test-tokens.ts'
import { useTestServer } from '../../testing/use-test-server.ts'

const server = useTestServer({ per: 'suite', config: { authSecret: TEST_SECRET } })
const lock = { by: 'fay', name: 'Fay', at: 1 }

async function join(board: string, sub: string, role: 'facilitator' | 'editor'): Promise<BoardClient> {
  const client = server.connect(board, { token: await testToken({ sub, board, role }) })
  await client.synced
  return client
}

describe('the workshop map on the server', () => {
  it("refuses an editor's write to it, stores and sends nothing of it, and names the role", async () => {
    const board = 'workshop-editor'
    const edna = await join(board, 'edna', 'editor')
    const fay = await join(board, 'fay', 'facilitator')
    writeWorkshopField(edna.doc, boardLockField, lock)
    await vi.waitFor(() => expect(edna.rejections).toHaveLength(1))
    expect(edna.rejections[0]).toMatchObject({
      code: 'not-permitted',
      reason: "only a facilitator can change the workshop's boardLock (you are an editor)",
    })
    expect(readWorkshopField(fay.doc, boardLockField)).toBeNull()
    const stored = new Y.Doc()
    for (const entry of await server.storage.readHistory(board, { afterSeq: 0, limit: 100 })) {
      Y.applyUpdate(stored, entry.update)
    }
    expect(readWorkshopField(stored, boardLockField)).toBeNull()
  })

  it("stores and broadcasts a facilitator's write", async () => {
    const board = 'workshop-facilitator'
    const fay = await join(board, 'fay', 'facilitator')
    const edna = await join(board, 'edna', 'editor')
    writeWorkshopField(fay.doc, boardLockField, lock)
    await fay.acknowledged()
    expect(fay.rejections).toEqual([])
    await vi.waitFor(() => expect(readWorkshopField(edna.doc, boardLockField)).toEqual(lock))
  })

  it("refuses a facilitator's write of a field the workshop does not have, or of a malformed value", async () => {
    const board = 'workshop-unknown'
    const fay = await join(board, 'fay', 'facilitator')
    fay.doc.getMap('workshop').set('secretNotes', 'hi')
    await vi.waitFor(() => expect(fay.rejections).toHaveLength(1))
    expect(fay.rejections[0]).toMatchObject({
      code: 'invalid-board',
      reason: expect.stringContaining('the workshop has no field "secretNotes"'),
    })
    const again = await join(board, 'fay2', 'facilitator')
    again.doc.getMap('workshop').set('boardLock', { by: 'fay' })
    await vi.waitFor(() => expect(again.rejections).toHaveLength(1))
    expect(again.rejections[0]?.reason).toMatch(/^workshop\.boardLock \.name must be/)
  })
})
