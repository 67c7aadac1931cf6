import { builtInTemplate } from '@flowmap/shared'
import { describe, expect, it } from 'vitest'
import { findTemplate } from './find-template.ts'
import type { fetchSavedTemplates } from './saved-templates-api.ts'

const saved = { ...builtInTemplate('approval')!, id: 'saved-abc', name: 'Our approvals' }
const serverWith: typeof fetchSavedTemplates = async () => ({ ok: true, templates: [saved] })
const unreachable: typeof fetchSavedTemplates = async () => ({
  ok: false,
  message: 'The server cannot be reached.',
})
const neverAsked: typeof fetchSavedTemplates = async () => expect.fail('a built-in template needs no server')

describe('the template /new?template= names', () => {
  it('no id is a blank board, a built-in id is found without the server (offline too)', async () => {
    expect(await findTemplate(null, null, neverAsked)).toEqual({ ok: true, template: null })
    expect(await findTemplate('sipoc', null, neverAsked)).toMatchObject({
      ok: true,
      template: { name: 'SIPOC' },
    })
  })

  it("a saved template's id is looked up on the server", async () => {
    expect(await findTemplate('saved-abc', null, serverWith)).toMatchObject({
      ok: true,
      template: { name: 'Our approvals' },
    })
  })

  it('an id of no template makes no board: the answer names the ids there are, or why it could not look', async () => {
    const missing = await findTemplate('swimlanes', null, serverWith)
    expect(missing).toMatchObject({
      ok: false,
      message: expect.stringContaining('There is no template "swimlanes"'),
    })
    expect(missing.ok ? '' : missing.message).toContain('swimlane, sipoc')
    expect(await findTemplate('saved-abc', null, unreachable)).toMatchObject({
      ok: false,
      message: expect.stringContaining('The server cannot be reached.'),
    })
  })
})
