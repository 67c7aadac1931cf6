import { type BoardRole, builtInTemplate, readTemplateListBody, writeTemplate } from '@flowmap/shared'
import { describe, expect, it } from 'vitest'
import { createBoardOverApi, requestJson } from '../testing/http-client.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer()
const swimlane = builtInTemplate('swimlane')!

function token(board: string, role: BoardRole): Promise<string> {
  return testToken({ sub: `u-${role}`, name: `Ada the ${role}`, board, role })
}

/** A board on the server holding the swimlane template, written over a real socket. */
async function boardWithSwimlane(auth?: string): Promise<string> {
  const id = await createBoardOverApi(server.url, {
    title: 'Order to delivery',
    ...(auth ? { token: auth } : {}),
  })
  const writer = server.connect(id, auth ? { token: auth } : {})
  await writer.synced
  writeTemplate(writer.doc, swimlane)
  await writer.acknowledged()
  return id
}

async function listed(auth?: string) {
  const answer = await requestJson(`${server.url}/api/templates`, auth ? { token: auth } : {})
  expect(answer.status).toBe(200)
  const read = readTemplateListBody(answer.body)
  if (!read.ok) throw new Error(read.reason)
  return read.body.templates
}

describe('saving a board as a template', () => {
  it("a facilitator's save stores the board's records and roles, as the server holds them, under the name", async () => {
    await server.start()
    const id = await boardWithSwimlane()
    const saved = await requestJson(`${server.url}/api/boards/${id}/templates`, {
      method: 'POST',
      body: { name: '  Our order flow ', description: 'As we run it in 2026' },
    })
    expect(saved.status).toBe(201)
    expect(saved.body).toMatchObject({
      name: 'Our order flow',
      description: 'As we run it in 2026',
      boardId: id,
    })
    const [template] = await listed()
    expect(template).toMatchObject({ name: 'Our order flow', boardId: id })
    const ids = (records: readonly { id: string }[]) => records.map((record) => record.id).sort()
    expect(ids(template!.records)).toEqual(ids(swimlane.records))
    expect(template!.roles.map((role) => role.id).sort()).toEqual(
      swimlane.roles.map((role) => role.id).sort(),
    )
  })

  it('the list is newest first and survives a restart (it is in SQLite, not memory)', async () => {
    await server.start()
    const id = await boardWithSwimlane()
    for (const name of ['First', 'Second']) {
      const answer = await requestJson(`${server.url}/api/boards/${id}/templates`, {
        method: 'POST',
        body: { name },
      })
      expect(answer.status).toBe(201)
    }
    await server.restart()
    expect((await listed()).map((template) => template.name)).toEqual(['Second', 'First'])
  })

  it.each([
    ['no name', {}, /name/],
    ['an empty name', { name: '   ' }, /name is invalid: must not be empty/],
    ['a name too long', { name: 'x'.repeat(81) }, /at most 80 characters/],
    ['a description that is not text', { name: 'Ok', description: 7 }, /description/],
    ['not an object', ['Ok'], /not a JSON object/],
  ])('a body with %s is refused with the reason, and nothing is saved', async (_what, body, reason) => {
    await server.start()
    const id = await boardWithSwimlane()
    const answer = await requestJson(`${server.url}/api/boards/${id}/templates`, { method: 'POST', body })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ error: 'invalid-body', message: expect.stringMatching(reason) })
    expect(await listed()).toEqual([])
  })

  it('malformed JSON is 400 and a body over the limit is 413; the board and the list are untouched', async () => {
    await server.start({ maxJsonBodyBytes: 1024 })
    const id = await boardWithSwimlane()
    const url = `${server.url}/api/boards/${id}/templates`
    const malformed = await requestJson(url, { method: 'POST', rawBody: '{"name": "Ok"' })
    expect(malformed.status).toBe(400)
    const tooLarge = await requestJson(url, {
      method: 'POST',
      body: { name: 'Ok', description: 'x'.repeat(2000) },
    })
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.body).toMatchObject({ error: 'body-too-large', message: expect.stringContaining('1024') })
    expect(await listed()).toEqual([])
    const board = await requestJson(`${server.url}/api/boards/${id}/export.json`)
    expect((board.body as { records: unknown[] }).records).toHaveLength(swimlane.records.length)
  })

  it('only a facilitator of the board saves; only a token that may create boards lists', async () => {
    await server.start({ authSecret: TEST_SECRET })
    const facilitator = await token('*', 'facilitator')
    const id = await boardWithSwimlane(facilitator)
    const url = `${server.url}/api/boards/${id}/templates`
    for (const role of ['viewer', 'editor'] as const) {
      const answer = await requestJson(url, {
        method: 'POST',
        token: await token(id, role),
        body: { name: 'Mine' },
      })
      expect(answer.status).toBe(403)
      expect(answer.body).toMatchObject({ message: 'only a facilitator can save a board as a template' })
    }
    const boardFacilitator = await token(id, 'facilitator')
    expect(
      (await requestJson(url, { method: 'POST', token: boardFacilitator, body: { name: 'Ours' } })).status,
    ).toBe(201)
    // A facilitator of this one board may save it, but not read copies of boards it cannot open.
    expect((await requestJson(`${server.url}/api/templates`, { token: boardFacilitator })).status).toBe(403)
    expect((await listed(facilitator)).map((template) => template.createdBy)).toEqual(['Ada the facilitator'])
  })
})
