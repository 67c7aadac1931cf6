/** A share link: the board URL with a signed token for one role. Used by the invite command and API. */
import { randomBytes } from 'node:crypto'
import type { BoardRole } from '@flowmap/shared'
import { issueToken } from './tokens.ts'

export interface ShareLinkRequest {
  secret: string
  /** e.g. http://127.0.0.1:1234, no trailing slash */
  baseUrl: string
  boardId: string
  role: BoardRole
  name: string
  days: number
  now: Date
}

export interface ShareLink {
  url: string
  token: string
  /** ISO 8601 */
  expiresAt: string
}

export const MAX_INVITE_DAYS = 365

export async function createShareLink(request: ShareLinkRequest): Promise<ShareLink> {
  const expiresAt = new Date(request.now.getTime() + request.days * 24 * 60 * 60 * 1000)
  // Each link is its own person as far as history is concerned: replay tells two guests apart.
  const sub = `u_${randomBytes(6).toString('base64url')}`
  const token = await issueToken(
    request.secret,
    { sub, name: request.name, board: request.boardId, role: request.role },
    expiresAt,
  )
  // A token for every board ("*") opens the home page, which lists the boards it may open and create.
  const path = request.boardId === '*' ? '/' : `/b/${encodeURIComponent(request.boardId)}`
  const url = `${request.baseUrl}${path}?token=${encodeURIComponent(token)}`
  return { url, token, expiresAt: expiresAt.toISOString() }
}

/** Checks invite input from the CLI or the API; the problem is a sentence, or null. */
export function inviteDaysProblem(days: unknown): string | null {
  if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0 || days > MAX_INVITE_DAYS) {
    return `days must be a number greater than 0 and at most ${MAX_INVITE_DAYS}, got ${JSON.stringify(days)}`
  }
  return null
}
