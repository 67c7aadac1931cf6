/** POST /api/boards/:id/invites (201): a share link the server signed for one role. */
import { T } from '@tldraw/validate'
import { type BodyRead, readBody } from './http-body-read.ts'

const inviteBody = T.object({
  /** The board URL with the token in its query. */
  url: T.string,
  token: T.string,
  /** ISO 8601 */
  expiresAt: T.string,
}).allowUnknownProperties()

export type InviteBody = T.TypeOf<typeof inviteBody>

export function readInviteBody(json: unknown): BodyRead<InviteBody> {
  return readBody(inviteBody, json, 'the invite (POST /api/boards/:id/invites)')
}
