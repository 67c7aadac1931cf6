/**
 * The server's answers read back with the readers the client uses (@flowmap/shared protocol/): both
 * ends hold one definition of each body, and this proves they agree on a real server.
 */
import {
  readBoardBody,
  readBoardListBody,
  readBoardPreviewBody,
  readCreatedBoardBody,
  readHistoryPage,
  readInsightsBody,
  readInviteBody,
  readNamedVersionBody,
  readRuntimeConfigBody,
  readVersionListBody,
  writeRecord,
} from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { beforeAll, describe, expect, it } from 'vitest'
import { createBoardOverApi, requestJson } from '../testing/http-client.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer({ per: 'suite', config: { authSecret: TEST_SECRET } })
let token: string
let boardId: string

beforeAll(async () => {
  token = await testToken({ sub: 'u-ada', name: 'Ada', board: '*', role: 'facilitator' })
  boardId = await createBoardOverApi(server.url, { token, title: 'Order to cash' })
  const client = server.connect(boardId, { token })
  await client.synced
  writeRecord(client.doc, workflowShape('step', { id: 'one', props: { label: 'Take the order' } }))
  await client.acknowledged()
})

async function bodyOf(path: string, method = 'GET', body?: unknown): Promise<unknown> {
  const answer = await requestJson(`${server.url}${path}`, {
    method,
    token,
    ...(body === undefined ? {} : { body }),
  })
  expect(answer.status).toBeLessThan(300)
  return answer.body
}

describe("the server's answers", () => {
  it('read back with the body readers the client uses', async () => {
    const board = `/api/boards/${boardId}`
    const reads = {
      config: readRuntimeConfigBody(await bodyOf('/config.json')),
      created: readCreatedBoardBody(await bodyOf('/api/boards', 'POST', { title: 'Second' })),
      boards: readBoardListBody(await bodyOf('/api/boards')),
      board: readBoardBody(await bodyOf(board)),
      preview: readBoardPreviewBody(await bodyOf(`${board}/preview`)),
      insights: readInsightsBody(await bodyOf(`${board}/insights`)),
      named: readNamedVersionBody(await bodyOf(`${board}/versions`, 'POST', { name: 'first' })),
      versions: readVersionListBody(await bodyOf(`${board}/versions`)),
      invite: readInviteBody(await bodyOf(`${board}/invites`, 'POST', { role: 'viewer' })),
    }
    for (const [name, read] of Object.entries(reads)) {
      expect({ name, read: read.ok ? 'ok' : read.reason }).toEqual({ name, read: 'ok' })
    }
    const history = readHistoryPage(await bodyOf(`${board}/history`))
    expect(history.ok && history.page.entries.length).toBe(2)
  })
})
