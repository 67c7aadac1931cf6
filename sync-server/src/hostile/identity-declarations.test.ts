/**
 * Hostile: local-mode identity declarations (the token a browser sends to say who it is) that are
 * malformed, oversized or try to pass for someone the server itself names. Each case: the client is
 * still let in (local mode lets everyone in), its edit is credited to the shared "Local user" or to its
 * own namespaced id, never to the server or a share-link user, and the server logs why.
 */
import { localIdentityToken, SERVER_USER_ID, writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it, vi } from 'vitest'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer({ per: 'suite', config: {} })

const LOCAL_USER = { userId: 'local', userName: 'Local user' }

let boards = 0

/** Connects with `token`, writes one step, and answers who the stored entry is credited to. */
async function creditedSender(token: string): Promise<{ userId: string | null; userName: string | null }> {
  const board = `declared-${++boards}`
  const client = server.connect(board, { token })
  await client.synced
  writeRecord(client.doc, workflowShape('step', { id: 'one', props: { label: 'an edit' } }))
  await client.acknowledged()
  server.end(client)
  const [entry, ...rest] = await server.storage.readHistory(board, { afterSeq: 0, limit: 10 })
  expect(rest).toEqual([])
  return { userId: entry?.userId ?? null, userName: entry?.userName ?? null }
}

describe('malformed identity declarations in local mode', () => {
  it.each([
    { what: 'not JSON after the prefix', token: 'flowmap-local:{"id":"pabcdef1",', reason: /not JSON/ },
    { what: 'a JSON array', token: 'flowmap-local:["pabcdef1","Eve"]', reason: /not a JSON object/ },
    {
      what: 'an id with spaces',
      token: localIdentityToken({ id: 'p abc def', name: 'Eve' }),
      reason: /id must/,
    },
    { what: 'a numeric id', token: 'flowmap-local:{"id":123456,"name":"Eve"}', reason: /id must/ },
    {
      what: 'a name longer than 40 characters',
      token: localIdentityToken({ id: 'pabcdef1', name: 'E'.repeat(41) }),
      reason: /at most 40/,
    },
    {
      what: 'a name of control characters only',
      token: localIdentityToken({ id: 'pabcdef1', name: '\u0000\u0001\u001b' }),
      reason: /blank/,
    },
    {
      what: 'a 4 KB declaration',
      token: `flowmap-local:{"id":"pabcdef1","name":"${'x'.repeat(4096)}"}`,
      reason: /more than 512/,
    },
    {
      what: 'a share token, which local mode does not read',
      token: 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln',
      reason: /not read/,
    },
  ])('credits $what to "Local user" and logs why', async ({ token, reason }) => {
    const warn = vi.spyOn(server.server.logger, 'warn')
    try {
      expect(await creditedSender(token)).toEqual(LOCAL_USER)
      expect(warn).toHaveBeenCalledWith(
        expect.objectContaining({ event: 'identity' }),
        expect.stringMatching(reason),
      )
    } finally {
      warn.mockRestore()
    }
  })

  it("never credits an edit to the server's own stand-in, the shared local user or a share link's user", async () => {
    for (const id of [SERVER_USER_ID, 'local-user', 'u_abcdef']) {
      const sender = await creditedSender(localIdentityToken({ id, name: 'Server' }))
      expect(sender).toEqual({ userId: `local:${id}`, userName: 'Server' })
    }
  })

  it('cleans control characters out of a declared name before it is stored', async () => {
    const sender = await creditedSender(localIdentityToken({ id: 'pabcdef1', name: 'Eve\u0007\r\nAdmin' }))
    expect(sender).toEqual({ userId: 'local:pabcdef1', userName: 'Eve Admin' })
  })
})
