import type { SerializedSchemaV2 } from '@tldraw/store'
import { tooLong } from './field-limits.ts'
import { flowmapSchema } from './flowmap-schema.ts'
import {
  MAX_BOARD_TITLE_CHARS,
  MAX_DISABLED_LINT_RULES,
  MAX_LINT_RULE_ID_CHARS,
  MAX_SCHEMA_SEQUENCE_ID_CHARS,
  MAX_SCHEMA_SEQUENCES,
} from './limits.ts'
import { firstJsonProblem } from './plain-json.ts'

/** The keys the `board` map may hold; each is one board-wide field (doc/board.ts reads them). */
export const BOARD_FIELDS = ['title', 'schema', 'disabledLintRules'] as const
export type BoardField = (typeof BOARD_FIELDS)[number]

const boardFieldSet: ReadonlySet<string> = new Set(BOARD_FIELDS)

export type BoardValidation =
  | { ok: true }
  | {
      ok: false
      field: string
      /** For a person: 'board.title is 2,000,000 characters; at most 200'. */
      message: string
    }

export type ValidateBoardWriteOptions = {
  /** `board.schema` as stored before this write, to keep it from being lowered. */
  schemaBefore?: unknown
  /** The schema this code knows; `flowmapSchema.serialize()` unless a test says otherwise. */
  ours?: SerializedSchemaV2
}

const currentSchema: SerializedSchemaV2 = flowmapSchema.serialize()

/**
 * Checks the board fields a write changed: known keys only, each of its type and within its limits.
 * A removed key passes, except `schema`, which a board never loses once it has one.
 *
 * `schema` says which versions the board's records are written in, and the server migrates records up
 * from it before validating them. So it must never claim more than this server knows (a higher
 * version, or a sequence we lack: every honest record would then be refused as "written with a newer
 * schema", locking everyone out), and it must never go down either: an older client writing its older
 * schema over a newer one would make the server migrate newer records "up" from the wrong version.
 * Honest clients write it only when it is missing or older than theirs, so "only raise it, never above
 * ours" refuses no honest write. The floor is the stored schema capped at ours, so a board that already
 * holds a forged, too-new schema can still be repaired by an honest client writing the real one.
 */
export function validateBoardWrite(
  fields: Readonly<Record<string, unknown>>,
  written: Iterable<string>,
  options: ValidateBoardWriteOptions = {},
): BoardValidation {
  const ours = options.ours ?? currentSchema
  for (const key of written) {
    const value = fields[key]
    if (!boardFieldSet.has(key)) {
      if (value === undefined) continue
      return refuse(
        key,
        `board has no field "${shorten(key)}": only ${BOARD_FIELDS.join(', ')} (written by a newer or foreign tool?)`,
      )
    }
    if (value === undefined && key !== 'schema') continue
    // A board that never had a schema may go on without one (nothing to migrate from).
    if (key === 'schema' && value == null && options.schemaBefore == null) continue
    const problem = value === undefined ? null : firstJsonProblem(value, `board.${key}`)
    if (problem !== null) return refuse(key, `${problem.field} ${problem.reason}`)
    const reason = fieldProblem(key as BoardField, value, ours, options.schemaBefore)
    if (reason !== null) return refuse(key, `board.${key} ${reason}`)
  }
  return { ok: true }
}

function fieldProblem(
  key: BoardField,
  value: unknown,
  ours: SerializedSchemaV2,
  before: unknown,
): string | null {
  switch (key) {
    case 'title':
      if (typeof value !== 'string') return `must be a string, got ${describe(value)}`
      return value.length > MAX_BOARD_TITLE_CHARS ? tooLong(value.length, MAX_BOARD_TITLE_CHARS) : null
    case 'disabledLintRules':
      return lintRulesProblem(value)
    case 'schema':
      return schemaProblem(value, ours, before)
    default: {
      const unreachable: never = key
      return `is not a board field: ${String(unreachable)}`
    }
  }
}

function lintRulesProblem(value: unknown): string | null {
  if (!Array.isArray(value)) return `must be a list of lint rule ids, got ${describe(value)}`
  if (value.length > MAX_DISABLED_LINT_RULES) {
    return `lists ${value.length} rules; at most ${MAX_DISABLED_LINT_RULES}`
  }
  for (const [index, id] of value.entries()) {
    if (typeof id !== 'string') return `[${index}] must be a lint rule id (a string), got ${describe(id)}`
    if (id.length > MAX_LINT_RULE_ID_CHARS) return `[${index}] ${tooLong(id.length, MAX_LINT_RULE_ID_CHARS)}`
  }
  return null
}

function schemaProblem(value: unknown, ours: SerializedSchemaV2, before: unknown): string | null {
  const shape = schemaShapeProblem(value)
  if (shape !== null) return shape
  const next = value as SerializedSchemaV2
  for (const [sequenceId, version] of Object.entries(next.sequences)) {
    const known = ours.sequences[sequenceId]
    if (known === undefined) {
      return `lists ${shorten(sequenceId)}, a migration sequence this server does not know: update the server before clients that use it`
    }
    if (version > known) {
      return `claims ${sequenceId} version ${version}, newer than this server's ${known}: update the server before clients that use it`
    }
  }
  if (schemaShapeProblem(before) !== null) return null
  for (const [sequenceId, stored] of Object.entries((before as SerializedSchemaV2).sequences)) {
    const known = ours.sequences[sequenceId]
    if (known === undefined) continue
    const floor = Math.min(stored, known)
    const version = next.sequences[sequenceId]
    if (version === undefined || version < floor) {
      return `would lower ${sequenceId} from version ${floor} to ${version ?? 'none'}: a board's schema is only ever raised (reload to get the newer version of Flowmap)`
    }
  }
  return null
}

/** Whether `value` is a well-formed `SerializedSchemaV2`; the reason when it is not. */
function schemaShapeProblem(value: unknown): string | null {
  if (value === undefined || value === null) return 'is missing: a board never loses its schema once set'
  if (typeof value !== 'object' || Array.isArray(value))
    return `must be a serialized schema, got ${describe(value)}`
  const { schemaVersion, sequences, ...rest } = value as Record<string, unknown>
  if (schemaVersion !== 2)
    return `must be a version 2 serialized schema, got schemaVersion ${describe(schemaVersion)}`
  const extra = Object.keys(rest)[0]
  if (extra !== undefined) return `has an unknown field "${shorten(extra)}"`
  if (typeof sequences !== 'object' || sequences === null || Array.isArray(sequences)) {
    return `.sequences must be an object of sequence versions, got ${describe(sequences)}`
  }
  const entries = Object.entries(sequences)
  if (entries.length > MAX_SCHEMA_SEQUENCES) {
    return `lists ${entries.length} migration sequences; at most ${MAX_SCHEMA_SEQUENCES}`
  }
  for (const [sequenceId, version] of entries) {
    if (sequenceId.length > MAX_SCHEMA_SEQUENCE_ID_CHARS) {
      return `.sequences has an id that ${tooLong(sequenceId.length, MAX_SCHEMA_SEQUENCE_ID_CHARS)}`
    }
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
      return `.sequences["${sequenceId}"] must be a whole number >= 0, got ${describe(version)}`
    }
  }
  return null
}

function refuse(field: string, message: string): BoardValidation {
  return { ok: false, field: shorten(field), message }
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return JSON.stringify(shorten(value))
  if (typeof value === 'object') return 'an object'
  return String(value)
}
