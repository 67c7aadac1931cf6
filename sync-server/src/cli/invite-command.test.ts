import { describe, expect, it } from 'vitest'
import { verifyToken } from '../auth/tokens.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { inviteCommand } from './invite-command.ts'

const env = { FLOWMAP_AUTH_SECRET: TEST_SECRET, FLOWMAP_PUBLIC_URL: 'https://maps.example.org/' }

/** The page the printed link opens, and who its token lets in until when. */
async function openedLink(result: Awaited<ReturnType<typeof inviteCommand>>) {
  if (!result.ok) throw new Error(result.error)
  const link = new URL(result.output)
  const checked = await verifyToken(TEST_SECRET, link.searchParams.get('token') ?? '')
  if (!checked.ok) throw new Error(checked.reason)
  return { page: `${link.origin}${link.pathname}`, user: checked.user, expiresAt: checked.expiresAt }
}

describe('flowmap invite', () => {
  it('prints a share link whose token opens that board with that role until it expires', async () => {
    const now = new Date()
    const result = await inviteCommand(
      ['--board', 'ops-map', '--role', 'editor', '--name', 'Ada', '--days', '3'],
      env,
      now,
    )
    const checked = await openedLink(result)
    expect(checked.page).toBe('https://maps.example.org/b/ops-map')
    expect(checked.user).toMatchObject({ board: 'ops-map', role: 'editor', name: 'Ada' })
    expect(checked.expiresAt - now.getTime()).toBeGreaterThan(3 * 24 * 3600_000 - 2000)
    expect(checked.expiresAt - now.getTime()).toBeLessThanOrEqual(3 * 24 * 3600_000)
  })

  it('a link for every board opens the home page, not a board called "*"', async () => {
    const result = await inviteCommand(['--board', '*', '--role', 'facilitator', '--name', 'Fran'], env)
    const checked = await openedLink(result)
    expect(checked.page).toBe('https://maps.example.org/')
    expect(checked.user).toMatchObject({ board: '*', role: 'facilitator', name: 'Fran' })
  })

  it('refuses bad input and a missing secret with every reason', async () => {
    const bad = await inviteCommand(['--board', 'no spaces', '--role', 'owner', '--days', '0'], env)
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(bad.error).toMatch(/invalid board id/)
    expect(bad.error).toMatch(/--role must be one of facilitator\|editor\|viewer, got owner/)
    expect(bad.error).toMatch(/days must be a number/)
    const noSecret = await inviteCommand(['--board', 'b', '--role', 'viewer'], {})
    expect(noSecret).toMatchObject({
      ok: false,
      error: expect.stringMatching(/FLOWMAP_AUTH_SECRET is not set/),
    })
    const unknownFlag = await inviteCommand(['--board', 'b', '--role', 'viewer', '--admin'], env)
    expect(unknownFlag).toMatchObject({ ok: false, error: expect.stringMatching(/--admin/) })
  })
})
