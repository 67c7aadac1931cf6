/**
 * What Flowmap keeps in a comment record's `meta` beyond tldraw's fields, and the checks a write of one
 * must pass on both ends (validate-record.ts runs them after tldraw's own validators):
 *
 * - `comment.meta.authorName`: the author's name when they wrote it, so a reader sees who wrote a
 *   comment whose author is not on the board today.
 * - `comment.meta.mentions`: the people and roles the comment mentions, `{ kind, id, name }` each; the
 *   text holds `@name` where each is. A person's id is the id the server knows them by (their token's
 *   subject, `local:<id>` in local mode); a role's is the board role's id.
 * - `comment-thread.meta.lintRule`: the lint rule a thread was started from ("Comment on this").
 * - the body's plain text at most `MAX_COMMENT_CHARS`; a shape anchor's x and y within 0–1, every
 *   anchor number finite.
 */
import { T } from '@tldraw/validate'
import {
  MAX_COMMENT_CHARS,
  MAX_COMMENT_MENTIONS,
  MAX_COMMENT_NAME_CHARS,
  MAX_ID_CHARS,
} from '../schema/limits.ts'
import { describeValidationFailure } from '../schema/validation-failure.ts'
import { commentText } from './comment-text.ts'

export const COMMENT_RECORD_TYPES = ['comment-thread', 'comment', 'comment-reaction'] as const
export type CommentRecordType = (typeof COMMENT_RECORD_TYPES)[number]

const commentTypes: ReadonlySet<string> = new Set(COMMENT_RECORD_TYPES)
export function isCommentRecordType(typeName: unknown): typeName is CommentRecordType {
  return typeof typeName === 'string' && commentTypes.has(typeName)
}

const boundedString = (max: number) =>
  T.string.check((value) => {
    if (value.length === 0) throw new Error('must not be empty')
    if (value.length > max) throw new Error(`must be at most ${max} characters, got ${value.length}`)
  })

export const commentMentionValidator = T.object({
  kind: T.literalEnum('person', 'role'),
  id: boundedString(MAX_ID_CHARS),
  name: boundedString(MAX_COMMENT_NAME_CHARS),
})
export type CommentMention = T.TypeOf<typeof commentMentionValidator>

const commentMetaValidator = T.object({
  authorName: boundedString(MAX_COMMENT_NAME_CHARS).optional(),
  mentions: T.arrayOf(commentMentionValidator)
    .check((mentions) => {
      if (mentions.length > MAX_COMMENT_MENTIONS) {
        throw new Error(`must list at most ${MAX_COMMENT_MENTIONS} mentions, got ${mentions.length}`)
      }
    })
    .optional(),
}).allowUnknownProperties()

const threadMetaValidator = T.object({
  lintRule: boundedString(MAX_ID_CHARS).optional(),
}).allowUnknownProperties()

/** A failed check: the dotted field and what is wrong with it ("meta.mentions must list at most 50 …"). */
export type CommentFieldFailure = { field: string; reason: string }

/** The first of Flowmap's own checks a (tldraw-valid) comment record fails, or null. */
export function commentRecordFailure(record: Readonly<Record<string, unknown>>): CommentFieldFailure | null {
  if (record.typeName === 'comment') {
    const text = commentText(record.body)
    if (text.length > MAX_COMMENT_CHARS) {
      return {
        field: 'body',
        reason: `is ${text.length.toLocaleString('en-US')} characters; a comment holds at most ${MAX_COMMENT_CHARS.toLocaleString('en-US')}`,
      }
    }
    return metaFailure(commentMetaValidator, record.meta)
  }
  if (record.typeName === 'comment-thread') {
    const anchor = record.anchor as Record<string, unknown>
    for (const key of ['x', 'y', 'w', 'h', 'pinX', 'pinY']) {
      const value = anchor[key]
      if (value !== undefined && !Number.isFinite(value)) {
        return { field: `anchor.${key}`, reason: 'must be a finite number' }
      }
    }
    if (anchor.type === 'shape') {
      for (const key of ['x', 'y'] as const) {
        const value = anchor[key] as number
        if (value < 0 || value > 1) {
          return { field: `anchor.${key}`, reason: `must be within 0–1 of the shape, got ${value}` }
        }
      }
    }
    return metaFailure(threadMetaValidator, record.meta)
  }
  return null
}

function metaFailure(validator: T.Validatable<unknown>, meta: unknown): CommentFieldFailure | null {
  try {
    // Other meta keys are allowed (tools may add some); the ones Flowmap reads must be well formed.
    validator.validate(meta)
    return null
  } catch (error) {
    const failure = describeValidationFailure(error)
    return { field: failure.field === '' ? 'meta' : `meta.${failure.field}`, reason: failure.reason }
  }
}

/** The mentions a comment record lists (none when its meta holds none, or malformed ones). */
export function mentionsOf(comment: { meta?: unknown }): CommentMention[] {
  const mentions = (comment.meta as { mentions?: unknown } | undefined)?.mentions
  if (!Array.isArray(mentions)) return []
  return mentions.filter((mention): mention is CommentMention => {
    try {
      commentMentionValidator.validate(mention)
      return true
    } catch {
      return false
    }
  })
}

/** Whether a comment mentions this person, by their id or by one of the roles they hold. */
export function mentionsPerson(
  comment: { meta?: unknown },
  personId: string,
  roleIds: ReadonlySet<string> = new Set(),
): boolean {
  return mentionsOf(comment).some((mention) =>
    mention.kind === 'person' ? mention.id === personId : roleIds.has(mention.id),
  )
}
