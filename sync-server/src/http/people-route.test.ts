import {
  type BoardRole,
  localIdentityToken,
  type MemberChange,
  PEOPLE_MESSAGE_TYPE,
  type PeopleMessage,
  parseStatelessMessage,
  REMOVED_FROM_BOARD_REASON,
  readRecord,
  writeRecord,
} from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { loadBoardDoc } from '../boards/load-board.ts'
import { FLOWMAP_CLOSE } from '../protocol/close-codes.ts'
import { requestJson } from '../testing/http-client.ts'
import { openRawBoardSocket, type RawBoardSocket } from '../testing/raw-socket.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer()
const BOARD = 'workshop'

function token(sub: string, role: BoardRole, board = BOARD) {
  return testToken({ sub, name: `Person ${sub}`, board, role })
}

/** A hand-crafted update that adds one step, from a doc of its own (a Yjs client id nobody claimed). */
function stepUpdate(id: string): Uint8Array {
  const doc = new Y.Doc()
  writeRecord(doc, workflowShape('step', { id, props: { label: `step ${id}` } }))
  return Y.encodeStateAsUpdate(doc)
}

async function openSocket(authToken: string, board = BOARD): Promise<RawBoardSocket> {
  const socket = server.track(openRawBoardSocket(server.collabUrl, board, authToken))
  await socket.scope
  return socket
}

async function changeMember(facilitatorToken: string | undefined, userId: string, change: MemberChange) {
  return requestJson(`${server.url}/api/boards/${BOARD}/people`, {
    method: 'POST',
    ...(facilitatorToken === undefined ? {} : { token: facilitatorToken }),
    body: { userId, change },
  })
}

function peopleLists(socket: RawBoardSocket): PeopleMessage[] {
  return socket.peopleLists.flatMap((text) => {
    const parsed = parseStatelessMessage(text)
    return parsed.ok && parsed.message.type === PEOPLE_MESSAGE_TYPE ? [parsed.message] : []
  })
}

async function storedStep(id: string) {
  return readRecord((await loadBoardDoc(server.server.storage, BOARD)).doc, `shape:${id}`)
}

/** A board with a facilitator connected, as in a workshop. */
async function workshop(config: { authSecret?: string } = { authSecret: TEST_SECRET }) {
  await server.start(config)
  const facilitator = await token('facilitator', 'facilitator')
  await openSocket(facilitator)
  return facilitator
}

describe('people and roles, live', () => {
  it("a demoted editor's next update on the same socket is refused as read-only, and never stored", async () => {
    const facilitator = await workshop()
    const editor = await openSocket(await token('ed', 'editor'))
    editor.sendUpdate(stepUpdate('before'))
    await vi.waitFor(() => expect(editor.syncStatuses).toEqual([true]))

    const answer = await changeMember(facilitator, 'ed', 'viewer')
    expect(answer).toMatchObject({ status: 200, body: { userId: 'ed', change: 'viewer', connections: 1 } })
    editor.sendUpdate(stepUpdate('after'))

    await vi.waitFor(() =>
      expect(editor.stateless.map((text) => JSON.parse(text))).toContainEqual(
        expect.objectContaining({ type: 'rejected', code: 'read-only' }),
      ),
    )
    expect(await storedStep('before')).toBeDefined()
    expect(await storedStep('after')).toBeUndefined()
  })

  it("a promoted viewer's next update is taken, without reconnecting", async () => {
    const facilitator = await workshop()
    const viewer = await openSocket(await token('vi', 'viewer'))
    await viewer.scope

    expect((await changeMember(facilitator, 'vi', 'editor')).status).toBe(200)
    viewer.sendUpdate(stepUpdate('promoted'))

    await vi.waitFor(() => expect(viewer.syncStatuses).toEqual([true]))
    expect(viewer.stateless.map((text) => JSON.parse(text).type)).not.toContain('rejected')
    expect(await storedStep('promoted')).toBeDefined()
  })

  it('a removed person is told, disconnected, and their link is refused on reconnect and on the HTTP API', async () => {
    const facilitator = await workshop()
    const link = await token('gone', 'editor')
    const removed = await openSocket(link)

    expect((await changeMember(facilitator, 'gone', 'removed')).status).toBe(200)

    expect(await removed.closed).toBe(FLOWMAP_CLOSE.removed.code)
    expect(removed.stateless.map((text) => JSON.parse(text))).toContainEqual(
      expect.objectContaining({ type: 'removed-from-board', reason: REMOVED_FROM_BOARD_REASON }),
    )
    const again = server.track(openRawBoardSocket(server.collabUrl, BOARD, link))
    expect(await again.permissionDenied).toBe(REMOVED_FROM_BOARD_REASON)
    const http = await requestJson(`${server.url}/api/boards/${BOARD}`, { token: link })
    expect(http).toMatchObject({
      status: 403,
      body: { error: 'removed', message: REMOVED_FROM_BOARD_REASON },
    })
  })

  it('the revoked link stays refused even when the person is let back in, where a new link opens', async () => {
    const facilitator = await workshop()
    const oldLink = await token('back', 'editor')
    const removed = await openSocket(oldLink)
    await changeMember(facilitator, 'back', 'removed')
    await removed.closed

    // The facilitator lets the person back in, and sends them a new link.
    expect((await changeMember(facilitator, 'back', 'editor')).status).toBe(200)
    const refused = server.track(openRawBoardSocket(server.collabUrl, BOARD, oldLink))
    expect(await refused.permissionDenied).toBe(REMOVED_FROM_BOARD_REASON)
    expect(await (await openSocket(await token('back', 'editor'))).scope).toBe('read-write')
  })

  it('a role change and a removal outlive a server restart', async () => {
    const facilitator = await workshop()
    const editorLink = await token('ed', 'editor')
    const removedLink = await token('gone', 'editor')
    await openSocket(editorLink)
    await openSocket(removedLink)
    await changeMember(facilitator, 'ed', 'viewer')
    await changeMember(facilitator, 'gone', 'removed')

    await server.restart()

    const demoted = await openSocket(editorLink)
    await demoted.scope
    demoted.sendUpdate(stepUpdate('after-restart'))
    await vi.waitFor(() =>
      expect(demoted.stateless.map((text) => JSON.parse(text).type)).toContain('rejected'),
    )
    expect(await storedStep('after-restart')).toBeUndefined()
    const removed = server.track(openRawBoardSocket(server.collabUrl, BOARD, removedLink))
    expect(await removed.permissionDenied).toBe(REMOVED_FROM_BOARD_REASON)
  })

  it.each([
    { who: 'an editor', role: 'editor' as const },
    { who: 'a viewer', role: 'viewer' as const },
  ])("refuses $who's request to change someone, and changes nothing", async ({ role }) => {
    await workshop()
    const target = await openSocket(await token('target', 'editor'))
    const asker = await token('asker', role)

    for (const change of ['viewer', 'removed'] as const) {
      const answer = await changeMember(asker, 'target', change)
      expect(answer).toMatchObject({ status: 403, body: { error: 'forbidden' } })
    }
    target.sendUpdate(stepUpdate('still-editing'))
    await vi.waitFor(() => expect(target.syncStatuses).toEqual([true]))
    expect(await server.storage.memberChange(BOARD, 'target')).toBeUndefined()
  })

  it('refuses a facilitator changing themselves, and a malformed change, with reasons', async () => {
    const facilitator = await workshop()
    expect(await changeMember(facilitator, 'facilitator', 'viewer')).toMatchObject({
      status: 409,
      body: { error: 'own-membership' },
    })
    const bad = await requestJson(`${server.url}/api/boards/${BOARD}/people`, {
      method: 'POST',
      token: facilitator,
      body: { userId: 'someone', change: 'owner' },
    })
    expect(bad).toMatchObject({ status: 400, body: { error: 'invalid-body' } })
    expect((bad.body as { message: string }).message).toMatch(/change/)
  })

  it('tells every connection who is on the board with the roles the server verified, and each its own entry', async () => {
    const facilitator = await workshop()
    const editor = await openSocket(await token('ed', 'editor'))
    const viewer = await openSocket(await token('vi', 'viewer'))
    // Raw sockets publish no presence: no awareness client IDs.
    const everyone = [
      { userId: 'facilitator', name: 'Person facilitator', role: 'facilitator', clientIds: [] },
      { userId: 'ed', name: 'Person ed', role: 'editor', clientIds: [] },
      { userId: 'vi', name: 'Person vi', role: 'viewer', clientIds: [] },
    ]
    await vi.waitFor(() => expect(peopleLists(viewer).at(-1)).toMatchObject({ people: everyone, you: 'vi' }))
    await vi.waitFor(() => expect(peopleLists(editor).at(-1)).toMatchObject({ people: everyone, you: 'ed' }))

    await changeMember(facilitator, 'ed', 'viewer')
    await vi.waitFor(() =>
      expect(peopleLists(editor).at(-1)?.people).toContainEqual(
        expect.objectContaining({ userId: 'ed', role: 'viewer' }),
      ),
    )
    editor.close()
    await vi.waitFor(() =>
      expect(
        peopleLists(viewer)
          .at(-1)
          ?.people.map((p) => p.userId),
      ).toEqual(['facilitator', 'vi']),
    )
  })

  it('ties each awareness client ID to the person whose connection published it', async () => {
    await workshop()
    const watcher = await openSocket(await token('watcher', 'viewer'))
    const ada = server.connect(BOARD, { token: await token('ada', 'editor') })
    await ada.synced
    ada.provider.setAwarenessField('person', { name: 'I say I am the facilitator' })
    await vi.waitFor(() =>
      expect(peopleLists(watcher).at(-1)?.people).toContainEqual(
        expect.objectContaining({
          userId: 'ada',
          role: 'editor',
          clientIds: [ada.provider.awareness!.clientID],
        }),
      ),
    )
  })

  it('in local mode, demotes and removes a declared person by their local: id', async () => {
    await server.start()
    const declared = (id: string) => localIdentityToken({ id, name: `Declared ${id}` })
    const demoted = await openSocket(declared('p_demoted'))
    const removed = await openSocket(declared('p_removed'))

    // No token: the shared local user, a facilitator like everyone in local mode.
    expect((await changeMember(undefined, 'local:p_demoted', 'viewer')).status).toBe(200)
    expect((await changeMember(undefined, 'local:p_removed', 'removed')).status).toBe(200)

    demoted.sendUpdate(stepUpdate('local-after'))
    await vi.waitFor(() =>
      expect(demoted.stateless.map((text) => JSON.parse(text).type)).toContain('rejected'),
    )
    expect(await removed.closed).toBe(FLOWMAP_CLOSE.removed.code)
    const again = server.track(openRawBoardSocket(server.collabUrl, BOARD, declared('p_removed')))
    expect(await again.permissionDenied).toBe(REMOVED_FROM_BOARD_REASON)
  })
})
