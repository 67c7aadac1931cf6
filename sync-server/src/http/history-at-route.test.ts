/**
 * The past-moment endpoint against a real server (SQLite file in a temp dir, checkpoints every 5
 * entries, real providers): every moment it rebuilds equals the board a client saw then, and it starts
 * from the nearest checkpoint.
 */
import { recordsSnapshot, writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { createBoardOverApi, requestJson } from '../testing/http-client.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer()

test('rebuilds any moment from the nearest checkpoint plus the entries after it', async () => {
  await server.start({ authSecret: TEST_SECRET, checkpointEvery: 5 })
  const bearer = await testToken({ sub: 'fay', name: 'Fay', board: '*', role: 'facilitator' })
  const boardId = await createBoardOverApi(server.server.url, { token: bearer })
  const client = server.connect(boardId, { token: bearer })
  await client.synced
  const seen = new Map<number, string>()
  for (let step = 0; step < 12; step++) {
    writeRecord(
      client.doc,
      workflowShape('step', { id: `s${step}`, x: step * 10, props: { label: `Step ${step}` } }),
    )
    await client.acknowledged()
    const board = await requestJson(`${server.server.url}/api/boards/${boardId}`, { token: bearer })
    seen.set((board.body as { lastSeq: number }).lastSeq, recordsSnapshot(client.doc))
  }
  client.destroy()

  const at = (query: string) =>
    requestJson(`${server.server.url}/api/boards/${boardId}/history/at${query}`, { token: bearer })

  for (const [seq, snapshot] of seen) {
    const answer = await at(`?seq=${seq}`)
    expect(answer.status).toBe(200)
    const body = answer.body as {
      seq: number
      rebuiltFrom: { checkpointSeq: number | null; entriesApplied: number }
      records: unknown[]
      state: string
    }
    expect(body.seq).toBe(seq)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Buffer.from(body.state, 'base64'))
    expect(recordsSnapshot(doc), `seq ${seq}`).toBe(snapshot)
    expect(body.records).toHaveLength(JSON.parse(snapshot).length)
    // Never from the beginning once a checkpoint exists: at most 4 entries after the nearest one.
    if (seq >= 5)
      expect(body.rebuiltFrom).toEqual({ checkpointSeq: seq - (seq % 5), entriesApplied: seq % 5 })
  }
  expect((await at('?seq=999')).body).toMatchObject({ error: 'invalid-seq' })
  expect((await at('')).status).toBe(200)
})
