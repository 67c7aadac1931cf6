import { BOARD_ID_PATTERN, type BoardRole, readRecord, writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { verifyToken } from '../auth/tokens.ts'
import { requestJson } from '../testing/http-client.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer()
function api(path: string): string {
  return `${server.server.url}${path}`
}

function token(board: string, role: BoardRole, expiresInMs = 60_000): Promise<string> {
  return testToken({ sub: `u-${role}`, name: role, board, role }, { expiresInMs })
}

describe('board API, local mode', () => {
  it('creates, lists and describes boards, with JSON errors for bad input', async () => {
    await server.start()
    const created = await requestJson(api('/api/boards'), {
      method: 'POST',
      body: { title: 'Order to cash' },
    })
    expect(created.status).toBe(201)
    const board = created.body as { id: string; title: string; url: string }
    expect(board.id).toMatch(BOARD_ID_PATTERN)
    expect(board).toMatchObject({ title: 'Order to cash', url: `${server.server.url}/b/${board.id}` })
    expect((await requestJson(api('/api/boards'), { method: 'POST' })).status).toBe(201)

    const list = await requestJson(api('/api/boards'))
    expect(list.status).toBe(200)
    expect((list.body as { boards: { id: string }[] }).boards.map((b) => b.id)).toContain(board.id)
    const one = await requestJson(api(`/api/boards/${board.id}`))
    expect(one).toMatchObject({ status: 200, body: { id: board.id, title: 'Order to cash', lastSeq: 1 } })

    // The created board's doc carries its title: a client that opens it sees it.
    const opener = server.connect(board.id)
    await opener.synced
    expect(opener.doc.getMap('board').get('title')).toBe('Order to cash')

    const errors = [
      [await requestJson(api('/api/boards'), { method: 'POST', rawBody: '{nope' }), 400, 'invalid-json'],
      [await requestJson(api('/api/boards'), { method: 'POST', body: { title: 42 } }), 400, 'invalid-title'],
      [await requestJson(api('/api/boards'), { method: 'POST', body: [1] }), 400, 'invalid-body'],
      [await requestJson(api('/api/boards'), { method: 'DELETE' }), 405, 'method-not-allowed'],
      [await requestJson(api('/api/boards/no-such-board')), 404, 'board-not-found'],
      [await requestJson(api('/api/boards/bad%20id')), 400, 'invalid-board-id'],
      [await requestJson(api(`/api/boards/${board.id}`), { method: 'POST' }), 405, 'method-not-allowed'],
      [await requestJson(api('/api/nothing-here')), 404, 'not-found'],
    ] as const
    for (const [response, status, error] of errors) {
      expect(response.status).toBe(status)
      expect(response.body).toMatchObject({ error, message: expect.any(String) })
    }
  })

  it('pages the history and exports the typed model', async () => {
    await server.start()
    const { id } = (await requestJson(api('/api/boards'), { method: 'POST', body: { title: 'Hiring' } }))
      .body as {
      id: string
    }
    const writer = server.connect(id)
    await writer.synced
    for (let i = 0; i < 3; i++) {
      writeRecord(writer.doc, workflowShape('step', { id: `s${i}`, props: { label: `Step ${i}` } }))
      await writer.acknowledged()
    }

    const first = await requestJson(api(`/api/boards/${id}/history?after=0&limit=2`))
    expect(first.status).toBe(200)
    const page = first.body as {
      entries: { seq: number; userId: string; time: string; update: string }[]
      hasMore: boolean
      nextAfter: number
    }
    expect(page.entries.map((e) => e.seq)).toEqual([1, 2])
    expect(page).toMatchObject({ hasMore: true, nextAfter: 2 })
    expect(page.entries[1]).toMatchObject({
      userId: 'local',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })
    const rest = (await requestJson(api(`/api/boards/${id}/history?after=2`))).body as typeof page
    expect(rest.entries.map((e) => e.seq)).toEqual([3, 4])
    expect(rest).toMatchObject({ hasMore: false, nextAfter: 4 })
    // The base64 bytes are real Yjs updates: applying all of them rebuilds the board.
    const rebuilt = new Y.Doc()
    for (const entry of [...page.entries, ...rest.entries])
      Y.applyUpdate(rebuilt, Buffer.from(entry.update, 'base64'))
    expect(readRecord(rebuilt, 'shape:s2')).toMatchObject({ props: { label: 'Step 2' } })

    for (const query of ['limit=0', 'limit=5000', 'after=-1', 'after=x']) {
      const bad = await requestJson(api(`/api/boards/${id}/history?${query}`))
      expect(bad.status).toBe(400)
      expect(bad.body).toMatchObject({ error: expect.stringMatching(/^invalid-(limit|after)$/) })
    }

    const exported = await requestJson(api(`/api/boards/${id}/export.json`))
    expect(exported.status).toBe(200)
    const model = exported.body as {
      board: { title: string }
      graph: { nodes: { id: string; label: string }[] }
    }
    expect(model.board.title).toBe('Hiring')
    expect(model.graph.nodes.map((node) => node.id).sort()).toEqual(['shape:s0', 'shape:s1', 'shape:s2'])
    expect((await requestJson(api('/api/boards/missing/export.json'))).status).toBe(404)
    expect((await requestJson(api('/api/boards/missing/history'))).status).toBe(404)

    const invite = await requestJson(api(`/api/boards/${id}/invites`), {
      method: 'POST',
      body: { role: 'editor' },
    })
    expect(invite).toMatchObject({ status: 409, body: { error: 'auth-disabled' } })
  })
})

describe('board API with auth', () => {
  it('applies the socket’s access rules to every route', async () => {
    await server.start({ authSecret: TEST_SECRET })
    const admin = await token('*', 'facilitator')
    expect((await requestJson(api('/api/boards'), { method: 'POST', body: {} })).status).toBe(401)
    expect(
      (await requestJson(api('/api/boards'), { method: 'POST', token: await token('*', 'editor') })).status,
    ).toBe(403)
    const a = (await requestJson(api('/api/boards'), { method: 'POST', token: admin, body: { title: 'A' } }))
      .body as {
      id: string
    }
    const b = (await requestJson(api('/api/boards'), { method: 'POST', token: admin, body: { title: 'B' } }))
      .body as {
      id: string
    }

    expect(await requestJson(api('/api/boards'))).toMatchObject({
      status: 401,
      body: { error: 'unauthorized' },
    })
    const onlyA = await requestJson(api('/api/boards'), { token: await token(a.id, 'viewer') })
    expect((onlyA.body as { boards: { id: string }[] }).boards.map((x) => x.id)).toEqual([a.id])
    expect(
      (await requestJson(api(`/api/boards/${a.id}`), { token: await token(a.id, 'viewer') })).status,
    ).toBe(200)
    expect(
      await requestJson(api(`/api/boards/${b.id}`), { token: await token(a.id, 'facilitator') }),
    ).toMatchObject({
      status: 403,
      body: { error: 'forbidden' },
    })
    const expired = await requestJson(api(`/api/boards/${a.id}/history`), {
      token: await token(a.id, 'editor', -1000),
    })
    expect(expired).toMatchObject({ status: 401, body: { message: expect.stringMatching(/expired/) } })
    expect((await requestJson(api(`/api/boards/${a.id}/export.json`), { token: 'garbage' })).status).toBe(401)

    const invites = api(`/api/boards/${a.id}/invites`)
    expect(
      (
        await requestJson(invites, {
          method: 'POST',
          token: await token(a.id, 'editor'),
          body: { role: 'viewer' },
        })
      ).status,
    ).toBe(403)
    const facilitator = await token(a.id, 'facilitator')
    const created = await requestJson(invites, {
      method: 'POST',
      token: facilitator,
      body: { role: 'viewer', days: 2, name: 'Vic' },
    })
    expect(created.status).toBe(201)
    const link = created.body as { url: string; token: string; expiresAt: string }
    expect(link.url).toBe(`${server.server.url}/b/${a.id}?token=${encodeURIComponent(link.token)}`)
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(47 * 3600_000)
    const verified = await verifyToken(TEST_SECRET, link.token)
    expect(verified).toMatchObject({ ok: true, user: { board: a.id, role: 'viewer', name: 'Vic' } })
    for (const [body, error] of [
      [{ role: 'owner' }, 'invalid-role'],
      [{ role: 'editor', days: 0 }, 'invalid-days'],
      [{ role: 'editor', days: 9999 }, 'invalid-days'],
      [{ role: 'editor', name: '' }, 'invalid-name'],
    ] as const) {
      expect(await requestJson(invites, { method: 'POST', token: facilitator, body })).toMatchObject({
        status: 400,
        body: { error },
      })
    }
  })
})
