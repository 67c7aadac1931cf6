import { type MemberChange, readMemberChangeBody, refusalMessageOf } from '@flowmap/shared'
import { presentedToken } from './identity-token.ts'

/** A facilitator's change to one person: POST /api/boards/:id/people → { userId, change, connections }. */
export type MemberChangeResult = { ok: true } | { ok: false; message: string }

export async function requestMemberChange(options: {
  boardId: string
  /** the share token; null in local mode, where this device's declaration says who asks */
  token: string | null
  userId: string
  change: MemberChange
  fetch?: typeof fetch
}): Promise<MemberChangeResult> {
  const doFetch = options.fetch ?? fetch
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const presented = presentedToken(options.token)
  if (presented !== '') headers.authorization = `Bearer ${presented}`
  let response: Response
  try {
    response = await doFetch(`/api/boards/${encodeURIComponent(options.boardId)}/people`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ userId: options.userId, change: options.change }),
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, message: `The server could not be reached (${reason}); try again when online.` }
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const message = refusalMessageOf(body) ?? `${response.status} ${response.statusText}`
    return { ok: false, message: `The server did not make the change: ${message}.` }
  }
  const read = readMemberChangeBody(body)
  return read.ok ? { ok: true } : { ok: false, message: `The server answered oddly: ${read.reason}.` }
}
