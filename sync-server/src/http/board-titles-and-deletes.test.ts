import { type BoardRole, writeBoard, writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it } from 'vitest'
import { createBoardOverApi, requestJson } from '../testing/http-client.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer()
const DAY = 24 * 60 * 60 * 1000

function api(path: string): string {
  return `${server.url}${path}`
}

function token(board: string, role: BoardRole): Promise<string> {
  return testToken({ sub: `u-${role}`, name: role, board, role })
}

async function listedTitles(auth?: string): Promise<Record<string, string>> {
  const list = await requestJson(api('/api/boards'), auth === undefined ? {} : { token: auth })
  const boards = (list.body as { boards: { id: string; title: string }[] }).boards
  return Object.fromEntries(boards.map((board) => [board.id, board.title]))
}

describe('the listed title follows the doc', () => {
  it('a rename written into the doc by a client is what GET /api/boards lists, before any snapshot', async () => {
    // A snapshot debounce far longer than the test: only the title sync can update the row.
    await server.start({ snapshotDebounceMs: 600_000 })
    const id = await createBoardOverApi(server.url, { title: 'Untitled board' })
    const editor = server.connect(id)
    await editor.synced
    writeBoard(editor.doc, { title: 'Employee onboarding' })
    await editor.acknowledged()
    await expect.poll(() => listedTitles().then((titles) => titles[id])).toBe('Employee onboarding')
    expect((await requestJson(api(`/api/boards/${id}`))).body).toMatchObject({ title: 'Employee onboarding' })
  })

  it('a viewer cannot rename: the title and the list stay', async () => {
    await server.start({ authSecret: TEST_SECRET })
    const id = await createBoardOverApi(server.url, {
      title: 'Hiring',
      token: await token('*', 'facilitator'),
    })
    const viewer = server.connect(id, { token: await token(id, 'viewer') })
    await viewer.synced
    writeBoard(viewer.doc, { title: 'Hacked' })
    await expect.poll(() => viewer.rejections.length).toBeGreaterThan(0)
    expect((await listedTitles(await token(id, 'facilitator')))[id]).toBe('Hiring')
  })
})

describe('deleting and restoring boards', () => {
  it('a deleted board leaves the list, answers 410 saying until when, and a restore brings it back whole', async () => {
    await server.start()
    const id = await createBoardOverApi(server.url, { title: 'Order to cash' })
    const writer = server.connect(id)
    await writer.synced
    writeRecord(writer.doc, workflowShape('step', { id: 'kept', props: { label: 'Invoice' } }))
    await writer.acknowledged()

    const deleted = await requestJson(api(`/api/boards/${id}`), { method: 'DELETE' })
    expect(deleted).toMatchObject({ status: 200, body: { id, title: 'Order to cash' } })
    const body = deleted.body as { deletedAt: string; restorableUntil: string }
    expect(Date.parse(body.restorableUntil) - Date.parse(body.deletedAt)).toBe(30 * DAY)

    // The connected client is disconnected and, reconnecting, told why.
    await expect
      .poll(() => writer.authFailures.at(-1) ?? '', { timeout: 15_000 })
      .toMatch(/was deleted; a facilitator can restore it/)
    expect(Object.keys(await listedTitles())).not.toContain(id)
    const gone = await requestJson(api(`/api/boards/${id}`))
    expect(gone).toMatchObject({ status: 410, body: { error: 'board-deleted' } })
    expect((gone.body as { message: string }).message).toContain(body.restorableUntil.slice(0, 10))
    expect((await requestJson(api(`/api/boards/${id}/export.json`))).status).toBe(410)
    const late = server.connect(id)
    await expect.poll(() => late.authFailures.length).toBe(1)
    expect(late.authFailures[0]).toMatch(/deleted/)

    const trash = await requestJson(api('/api/deleted-boards'))
    expect(trash).toMatchObject({ status: 200, body: { boards: [{ id, title: 'Order to cash' }] } })

    const restored = await requestJson(api(`/api/boards/${id}/restore`), { method: 'POST' })
    expect(restored).toMatchObject({ status: 200, body: { id, title: 'Order to cash' } })
    expect(Object.keys(await listedTitles())).toContain(id)
    expect((await requestJson(api('/api/deleted-boards'))).body).toEqual({ boards: [] })
    const reader = server.connect(id)
    await reader.synced
    expect(reader.doc.getMap('records').has('shape:kept')).toBe(true)
  })

  it('only a facilitator deletes or restores: a viewer and an editor get 403, and nothing changes', async () => {
    await server.start({ authSecret: TEST_SECRET })
    const admin = await token('*', 'facilitator')
    const id = await createBoardOverApi(server.url, { title: 'Payroll', token: admin })
    for (const role of ['viewer', 'editor'] as const) {
      const refused = await requestJson(api(`/api/boards/${id}`), {
        method: 'DELETE',
        token: await token(id, role),
      })
      expect(refused).toMatchObject({
        status: 403,
        body: { message: 'only a facilitator can delete a board' },
      })
    }
    expect(Object.keys(await listedTitles(admin))).toContain(id)
    const facilitator = await token(id, 'facilitator')
    expect(
      (await requestJson(api(`/api/boards/${id}`), { method: 'DELETE', token: facilitator })).status,
    ).toBe(200)
    const editorRestore = await requestJson(api(`/api/boards/${id}/restore`), {
      method: 'POST',
      token: await token(id, 'editor'),
    })
    expect(editorRestore.status).toBe(403)
    // An editor sees no deleted boards to restore; another board's facilitator sees none of this one's.
    expect(
      (await requestJson(api('/api/deleted-boards'), { token: await token(id, 'editor') })).body,
    ).toEqual({
      boards: [],
    })
    expect(
      (await requestJson(api('/api/deleted-boards'), { token: await token('other', 'facilitator') })).body,
    ).toEqual({
      boards: [],
    })
    expect(
      (await requestJson(api(`/api/boards/${id}/restore`), { method: 'POST', token: facilitator })).status,
    ).toBe(200)
  })

  it('hostile: a board that does not exist, a double delete, a restore of a live board and after a purge', async () => {
    await server.start()
    expect(await requestJson(api('/api/boards/no-such-board'), { method: 'DELETE' })).toMatchObject({
      status: 404,
      body: { error: 'board-not-found' },
    })
    expect(await requestJson(api('/api/boards/bad%20id'), { method: 'DELETE' })).toMatchObject({
      status: 400,
    })
    const id = await createBoardOverApi(server.url, { title: 'Twice' })
    expect(await requestJson(api(`/api/boards/${id}/restore`), { method: 'POST' })).toMatchObject({
      status: 409,
      body: { error: 'board-not-deleted' },
    })
    expect((await requestJson(api(`/api/boards/${id}`), { method: 'DELETE' })).status).toBe(200)
    expect(await requestJson(api(`/api/boards/${id}`), { method: 'DELETE' })).toMatchObject({
      status: 410,
      body: { error: 'board-deleted' },
    })

    // Deleted 31 days ago: the purge on start removes it and its history for good.
    await server.storage.restoreBoard(id)
    await server.storage.markBoardDeleted(id, Date.now() - 31 * DAY)
    await server.restart()
    expect(await server.storage.getBoard(id)).toBeUndefined()
    expect(await server.storage.lastSeq(id)).toBe(0)
    expect(await requestJson(api(`/api/boards/${id}/restore`), { method: 'POST' })).toMatchObject({
      status: 404,
      body: { error: 'board-not-found' },
    })
  })

  it('a board deleted 29 days ago survives the purge on start', async () => {
    await server.start()
    const id = await createBoardOverApi(server.url, { title: 'Young' })
    await server.storage.markBoardDeleted(id, Date.now() - 29 * DAY)
    await server.restart()
    expect((await server.storage.getBoard(id))?.deletedAt).not.toBeNull()
    expect((await requestJson(api(`/api/boards/${id}/restore`), { method: 'POST' })).status).toBe(200)
  })
})
