/**
 * POST /api/boards/:id/people `{userId, change}`: a facilitator changes what one person may do on the
 * board, by the person's verified user id (the people list's, people-messages.ts): `editor` or `viewer`
 * sets their role from now on (a promotion or a demotion), `removed` disconnects them and refuses them
 * and their link from then on. The answer (200) says what the server now applies.
 */
import { T } from '@tldraw/validate'
import { type BodyRead, readBody } from './http-body-read.ts'

export const MEMBER_CHANGES = ['editor', 'viewer', 'removed'] as const

export type MemberChange = (typeof MEMBER_CHANGES)[number]

export function isMemberChange(value: unknown): value is MemberChange {
  return typeof value === 'string' && (MEMBER_CHANGES as readonly string[]).includes(value)
}

const memberChangeRequest = T.object({
  userId: T.string.check((id) => {
    if (id === '') throw new Error('must be a user id from the people list, got an empty string')
  }),
  change: T.literalEnum(...MEMBER_CHANGES),
})

export type MemberChangeRequest = T.TypeOf<typeof memberChangeRequest>

const memberChangeBody = T.object({
  userId: T.string,
  change: T.literalEnum(...MEMBER_CHANGES),
  /** how many of the person's live connections the change reached at once */
  connections: T.number,
}).allowUnknownProperties()

export type MemberChangeBody = T.TypeOf<typeof memberChangeBody>

/** The server reads the request with this; the reason names the field and what was wrong. */
export function readMemberChangeRequest(json: unknown): BodyRead<MemberChangeRequest> {
  return readBody(memberChangeRequest, json, 'the change (POST /api/boards/:id/people)')
}

export function readMemberChangeBody(json: unknown): BodyRead<MemberChangeBody> {
  return readBody(memberChangeBody, json, 'the answer to a change (POST /api/boards/:id/people)')
}
