import { describe, expect, it } from 'vitest'
import { requestInvite } from './invite-api.ts'

const invite = (fetch: typeof globalThis.fetch) =>
  requestInvite({ boardId: 'b1', token: 't', role: 'editor', days: 7, name: 'Ada', fetch })

describe('requestInvite', () => {
  it('reads the link the server made', async () => {
    const link = { url: 'http://x/b/b1?token=abc', token: 'abc', expiresAt: '2026-01-08T00:00:00.000Z' }
    expect(await invite(async () => Response.json(link, { status: 201 }))).toEqual({ ok: true, invite: link })
  })

  it('names the missing field of an answer without a link', async () => {
    expect(
      await invite(async () => Response.json({ url: 'http://x', token: 'abc' }, { status: 201 })),
    ).toEqual({
      ok: false,
      message:
        'The server answered without a link: the invite (POST /api/boards/:id/invites) is malformed: At expiresAt: Expected string, got undefined.',
    })
  })

  it("passes on the server's sentence when it refuses", async () => {
    const refusal = { error: 'forbidden', message: 'only a facilitator of this board can invite people' }
    expect(await invite(async () => Response.json(refusal, { status: 403 }))).toEqual({
      ok: false,
      message: 'The server did not make the link: only a facilitator of this board can invite people.',
    })
  })
})
