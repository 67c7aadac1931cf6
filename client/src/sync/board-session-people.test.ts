/**
 * What a board session learns about people from the real server (in-process, port 0): its own verified
 * role, a facilitator's demotion while it is open, and a removal, which ends it with the reason.
 */
import { REMOVED_FROM_BOARD_REASON } from '@flowmap/shared'
import { requestJson } from '@flowmap/sync-server/testing/http-client'
import { TEST_SECRET } from '@flowmap/sync-server/testing/test-server'
import { testToken } from '@flowmap/sync-server/testing/test-tokens'
import { useTestServer } from '@flowmap/sync-server/testing/use-test-server'
import { afterEach, expect, it, vi } from 'vitest'
import { boardStore } from './board-records.test-support.ts'
import { BoardSession } from './board-session.ts'

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture named as the server tests name it, not a React hook
const testServer = useTestServer()
const sessions: BoardSession[] = []
afterEach(() => {
  for (const session of sessions.splice(0)) session.destroy()
})

const BOARD = 'people-session'

function open(token: string): BoardSession {
  const session = new BoardSession({
    boardId: BOARD,
    token,
    store: boardStore(),
    collabUrl: testServer.collabUrl,
    database: null,
  })
  sessions.push(session)
  void session.start()
  return session
}

function ownRole(session: BoardSession) {
  const people = session.getState().people
  return people?.people.find((person) => person.userId === people.you)?.role ?? null
}

it('a session learns its role from the server, follows a demotion, and ends with the reason on removal', async () => {
  await testServer.start({ authSecret: TEST_SECRET })
  const facilitator = await testToken({ sub: 'fay', board: BOARD, role: 'facilitator' })
  const editor = open(await testToken({ sub: 'eddie', board: BOARD, role: 'editor' }))
  await vi.waitFor(() => expect(ownRole(editor)).toBe('editor'), { timeout: 10_000 })

  const change = (change: string) =>
    requestJson(`${testServer.url}/api/boards/${BOARD}/people`, {
      method: 'POST',
      token: facilitator,
      body: { userId: 'eddie', change },
    })
  expect((await change('viewer')).status).toBe(200)
  await vi.waitFor(() => expect(ownRole(editor)).toBe('viewer'), { timeout: 10_000 })

  expect((await change('removed')).status).toBe(200)
  await vi.waitFor(() => expect(editor.getState().removed).toBe(REMOVED_FROM_BOARD_REASON), {
    timeout: 10_000,
  })
  expect(editor.getState().provider).toBeNull()
})
