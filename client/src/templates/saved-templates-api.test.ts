import { builtInTemplate } from '@flowmap/shared'
import { describe, expect, it } from 'vitest'
import { fetchSavedTemplates, saveBoardAsTemplate } from './saved-templates-api.ts'

const approval = builtInTemplate('approval')!
const savedJson = {
  id: 'saved-1',
  name: 'Our approvals',
  description: '',
  boardId: 'b1',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'Ada',
  roles: approval.roles,
  records: approval.records,
}

function answering(status: number, body: unknown): typeof fetch {
  return async () => new Response(JSON.stringify(body), { status })
}

describe("the server's saved templates", () => {
  it('lists the templates the server answers, records and roles read through the model', async () => {
    const listed = await fetchSavedTemplates({
      token: null,
      fetch: answering(200, { templates: [savedJson] }),
    })
    expect(listed).toMatchObject({ ok: true, templates: [{ id: 'saved-1', name: 'Our approvals' }] })
  })

  it('says why there are none: no server, a refusal with its sentence, a body that does not fit', async () => {
    const offline = await fetchSavedTemplates({
      token: null,
      fetch: async () => {
        throw new TypeError('Failed to fetch')
      },
    })
    expect(offline).toMatchObject({ ok: false, message: expect.stringContaining('cannot be reached') })
    const refused = await fetchSavedTemplates({
      token: 'viewer-token',
      fetch: answering(403, {
        error: 'forbidden',
        message: 'listing saved templates needs a facilitator token',
      }),
    })
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringContaining('needs a facilitator token'),
    })
    const broken = { ...savedJson, records: [{ ...approval.records[0]!, props: { label: 42 } }] }
    const malformed = await fetchSavedTemplates({
      token: null,
      fetch: answering(200, { templates: [broken] }),
    })
    expect(malformed).toMatchObject({ ok: false, message: expect.stringContaining('could not be read') })
  })

  it("a save the server refuses comes back with the server's reason", async () => {
    const saved = await saveBoardAsTemplate({
      boardId: 'b1',
      token: null,
      request: { name: '' },
      fetch: answering(400, { error: 'invalid-body', message: 'name is invalid: must not be empty' }),
    })
    expect(saved).toEqual({
      ok: false,
      message: 'The template was not saved: name is invalid: must not be empty.',
    })
  })
})
