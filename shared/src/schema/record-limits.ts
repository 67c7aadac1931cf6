import {
  firstLimitFailure,
  type LimitFailure,
  type StringLimits,
  type WrittenFields,
} from './field-limits.ts'
import {
  MAX_ASSET_RECORD_CHARS,
  MAX_BRANCH_LABEL_CHARS,
  MAX_DESCRIPTION_CHARS,
  MAX_ID_CHARS,
  MAX_LABEL_CHARS,
  MAX_RECORD_CHARS,
} from './limits.ts'

/** Every record's own references. */
const RECORD_LIMITS: StringLimits = { id: MAX_ID_CHARS, parentId: MAX_ID_CHARS }

/** The references and names of comment records (their text is held to MAX_COMMENT_CHARS: comment-meta.ts). */
const COMMENT_LIMITS: Readonly<Record<string, StringLimits>> = {
  'comment-thread': {
    pageId: MAX_ID_CHARS,
    createdBy: MAX_ID_CHARS,
    'anchor.shapeId': MAX_ID_CHARS,
    'resolved.by': MAX_ID_CHARS,
  },
  comment: { threadId: MAX_ID_CHARS, pageId: MAX_ID_CHARS, authorId: MAX_ID_CHARS },
  'comment-reaction': {
    commentId: MAX_ID_CHARS,
    threadId: MAX_ID_CHARS,
    pageId: MAX_ID_CHARS,
    userId: MAX_ID_CHARS,
  },
}

/**
 * The string fields of each shape type with a limit. tldraw's own shapes keep their text in rich-text
 * trees, bounded by the record size; the connector's branch label lives in an arrow's meta.
 */
const SHAPE_LIMITS: Readonly<Record<string, StringLimits>> = {
  step: {
    'props.label': MAX_LABEL_CHARS,
    'props.description': MAX_DESCRIPTION_CHARS,
    'props.owner': MAX_ID_CHARS,
  },
  stage: { 'props.label': MAX_LABEL_CHARS },
  lane: { 'props.label': MAX_LABEL_CHARS, 'props.roleId': MAX_ID_CHARS },
  decision: { 'props.question': MAX_LABEL_CHARS },
  artifact: { 'props.label': MAX_LABEL_CHARS },
  event: { 'props.label': MAX_LABEL_CHARS },
  arrow: { 'meta.branch': MAX_BRANCH_LABEL_CHARS },
}

/**
 * The string fields of a shape type that have a limit (dotted paths: "props.label", "meta.branch"),
 * for a client that stops an edit at the limit instead of sending what the server would refuse.
 */
export function shapeStringLimits(shapeType: string): StringLimits {
  return SHAPE_LIMITS[shapeType] ?? {}
}

/**
 * The first limit a written record breaks: a written field that is not finite JSON of bounded depth,
 * a string over its limit, or the record over `MAX_RECORD_CHARS` as JSON. The size is only held against
 * a write that could have grown it (a move of a note stored before the limit existed is let through).
 */
export function recordLimitFailure(
  record: Readonly<Record<string, unknown>>,
  written: WrittenFields = 'whole',
): LimitFailure | null {
  const typeLimits =
    record.typeName === 'shape' ? SHAPE_LIMITS[String(record.type)] : COMMENT_LIMITS[String(record.typeName)]
  const limits = typeLimits === undefined ? RECORD_LIMITS : { ...RECORD_LIMITS, ...typeLimits }
  const failure = firstLimitFailure(record, limits, written)
  if (failure !== null) return failure
  if (!couldGrow(record, written)) return null
  const max = record.typeName === 'asset' ? MAX_ASSET_RECORD_CHARS : MAX_RECORD_CHARS
  const size = JSON.stringify(record).length
  if (size > max) {
    return {
      field: '',
      reason: `is ${size.toLocaleString('en-US')} characters as JSON; at most ${max.toLocaleString('en-US')}`,
    }
  }
  return null
}

function couldGrow(record: Readonly<Record<string, unknown>>, written: WrittenFields): boolean {
  if (written === 'whole') return true
  for (const path of written) {
    const value = path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], record)
    if (value !== null && value !== undefined && typeof value !== 'number' && typeof value !== 'boolean') {
      return true
    }
  }
  return false
}
