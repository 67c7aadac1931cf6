import { type BoardRole, type InviteBody, readInviteBody, refusalMessageOf } from '@flowmap/shared'

/** A link the server made: POST /api/boards/:id/invites → { url, token, expiresAt }. */
export type InviteResult = { ok: true; invite: InviteBody } | { ok: false; message: string }

export async function requestInvite(options: {
  boardId: string
  token: string | null
  role: BoardRole
  days: number
  name: string
  fetch?: typeof fetch
}): Promise<InviteResult> {
  const doFetch = options.fetch ?? fetch
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  let response: Response
  try {
    response = await doFetch(`/api/boards/${encodeURIComponent(options.boardId)}/invites`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ role: options.role, days: options.days, name: options.name }),
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      message: `The server could not be reached (${reason}); links can only be made online.`,
    }
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const message = refusalMessageOf(body) ?? `${response.status} ${response.statusText}`
    return { ok: false, message: `The server did not make the link: ${message}.` }
  }
  const read = readInviteBody(body)
  if (!read.ok) return { ok: false, message: `The server answered without a link: ${read.reason}.` }
  const { url, token, expiresAt } = read.body
  return { ok: true, invite: { url, token, expiresAt } }
}
