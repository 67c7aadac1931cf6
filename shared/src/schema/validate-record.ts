import type { SerializedSchema, SerializedSchemaV2 } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import { storedFileMetaFailure } from '../assets/stored-file-meta.ts'
import { commentRecordFailure } from '../comments/comment-meta.ts'
import { connectorMetaValidator } from './connector.ts'
import type { WrittenFields } from './field-limits.ts'
import { flowmapSchema } from './flowmap-schema.ts'
import { recordLimitFailure } from './record-limits.ts'
import { describeValidationFailure, type ValidationFailure } from './validation-failure.ts'

/** Why a record was refused; a const object so the union type derives from it (tldraw's convention). */
export const RecordValidationReason = {
  NotARecord: 'not-a-record',
  UnknownType: 'unknown-type',
  SessionRecord: 'session-record',
  NewerSchema: 'newer-schema',
  MigrationFailed: 'migration-failed',
  MissingField: 'missing-field',
  UnknownField: 'unknown-field',
  InvalidField: 'invalid-field',
  /** A written field is over its size limit, not finite JSON, nested too deep; or the record is too large. */
  OverLimit: 'over-limit',
} as const
export type RecordValidationReason = (typeof RecordValidationReason)[keyof typeof RecordValidationReason]

export type RecordValidationError = {
  recordId: string | null
  typeName: string | null
  /** Dotted path of the failing field ('props.status'); '' when the record as a whole is refused. */
  field: string
  reason: RecordValidationReason
  /** For a person: "step shape:abc: props.status must be one of todo|doing|done|blocked, got 42". */
  message: string
}

export type RecordValidation = { ok: true; record: TLRecord } | { ok: false; error: RecordValidationError }

export type ValidateRecordOptions = {
  /** The schema the writer used (the doc's `board.schema`); older records are migrated up first. */
  schema?: SerializedSchema | null
  /**
   * The fields this write changed (the server knows them from the update); limits (limits.ts) are held
   * against these only, so a value stored before a limit existed still loads. Default: the whole record.
   */
  written?: WrittenFields
}

const currentSchema: SerializedSchemaV2 = flowmapSchema.serialize()

/**
 * Checks one record as it may enter a board's doc: a known, document-scoped type whose fields pass the
 * schema's validators (and, for arrows, the connector meta). Session and presence records (camera,
 * instance, pointer, page state, presence) are refused: syncing them moves everyone's camera.
 */
export function validateRecord(record: unknown, options: ValidateRecordOptions = {}): RecordValidation {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return refuse(null, null, '', 'not-a-record', `expected a record object, got ${describeValue(record)}`)
  }
  const fields = record as Record<string, unknown>
  const recordId = typeof fields.id === 'string' ? fields.id : null
  const typeName = typeof fields.typeName === 'string' ? fields.typeName : null
  if (typeName === null) {
    return refuse(recordId, null, 'typeName', 'missing-field', 'typeName is missing: not a tldraw record')
  }
  const recordType = (flowmapSchema.types as Partial<Record<string, { scope: string }>>)[typeName]
  if (recordType === undefined) {
    return refuse(
      recordId,
      typeName,
      'typeName',
      'unknown-type',
      `${describeValue(typeName)} is not a known record type`,
    )
  }
  if (recordType.scope !== 'document') {
    return refuse(
      recordId,
      typeName,
      'typeName',
      'session-record',
      `${typeName} records are ${recordType.scope}-scoped and never stored in a board`,
    )
  }
  // Before migrations and validators run: they must never meet NaN, binary data or a deep tree.
  const overLimit = recordLimitFailure(fields, options.written)
  if (overLimit !== null) {
    const { field, reason } = overLimit
    return refuse(
      recordId,
      typeName,
      field,
      'over-limit',
      field === '' ? `the record ${reason}` : `${field} ${reason}`,
    )
  }
  const newerSequence = options.schema ? newerSequenceIn(options.schema, fields) : null
  if (newerSequence !== null) {
    return refuse(
      recordId,
      typeName,
      '',
      'newer-schema',
      `written with a newer schema (${newerSequence}); reload to get the newer version of Flowmap`,
    )
  }
  let candidate = record as TLRecord
  if (options.schema) {
    const migrated = flowmapSchema.migratePersistedRecord(candidate, options.schema, 'up')
    if (migrated.type === 'error') {
      return refuse(recordId, typeName, '', 'migration-failed', `could not be migrated (${migrated.reason})`)
    }
    candidate = migrated.value
  }
  const fieldFailure = firstFieldFailure(candidate, typeName)
  if (fieldFailure !== null) {
    if (fieldFailure.field === 'type' && typeName === 'shape') {
      return refuse(
        recordId,
        typeName,
        'type',
        'unknown-type',
        `${describeValue(fields.type)} is not a known shape type`,
      )
    }
    return refuse(
      recordId,
      typeName,
      fieldFailure.field,
      fieldFailure.kind,
      `${fieldFailure.field} ${fieldFailure.reason}`,
    )
  }
  return { ok: true, record: candidate }

  function refuse(
    id: string | null,
    name: string | null,
    field: string,
    reason: RecordValidationReason,
    detail: string,
  ): RecordValidation {
    const shapeType = (record as { type?: unknown } | null)?.type
    const named = name === 'shape' && typeof shapeType === 'string' ? shapeType : (name ?? 'record')
    const kind = named.length > 40 ? `${named.slice(0, 40)}…` : named
    // An id is capped by the limits, but the message must stay short even for the one that breaks it.
    const shownId = id === null ? '(no id)' : id.length > 60 ? `${id.slice(0, 60)}…` : id
    const message = `${kind} ${shownId}: ${detail}`
    return { ok: false, error: { recordId: id, typeName: name, field, reason, message } }
  }
}

function firstFieldFailure(record: TLRecord, typeName: string): ValidationFailure | null {
  const recordType = flowmapSchema.types[typeName as 'shape']
  try {
    recordType.validate(record as never)
  } catch (error) {
    return describeValidationFailure(error, typeName)
  }
  if (record.typeName === 'shape' && record.type === 'arrow') {
    try {
      connectorMetaValidator.validate(record.meta)
    } catch (error) {
      const failure = describeValidationFailure(error)
      return { ...failure, field: failure.field === '' ? 'meta' : `meta.${failure.field}` }
    }
  }
  const commentFailure = commentRecordFailure(record as unknown as Record<string, unknown>)
  if (commentFailure !== null) return { ...commentFailure, kind: 'invalid-field' }
  const fileFailure = storedFileMetaFailure(record as unknown as Record<string, unknown>)
  if (fileFailure !== null) return { ...fileFailure, kind: 'invalid-field' }
  return null
}

/**
 * The first sequence the writer's schema has at a higher version than ours, or the sequence of this
 * record's shape type when we lack it entirely (a shape type added by a newer Flowmap).
 */
function newerSequenceIn(schema: SerializedSchema, fields: Record<string, unknown>): string | null {
  if (schema.schemaVersion !== 2) return null
  const newer = newerKnownSequence(schema)
  if (newer !== null) return newer
  if (fields.typeName === 'shape' && typeof fields.type === 'string') {
    const sequenceId = `com.tldraw.shape.${fields.type}`
    if (currentSchema.sequences[sequenceId] === undefined && schema.sequences[sequenceId] !== undefined) {
      return `${sequenceId} is unknown here`
    }
  }
  return null
}

// The server validates every touched record against the same board schema object: compare it once.
const newerKnownSequenceCache = new WeakMap<SerializedSchemaV2, string | null>()

function newerKnownSequence(schema: SerializedSchemaV2): string | null {
  const cached = newerKnownSequenceCache.get(schema)
  if (cached !== undefined) return cached
  let newer: string | null = null
  for (const [sequenceId, version] of Object.entries(schema.sequences)) {
    const ours = currentSchema.sequences[sequenceId]
    if (ours !== undefined && version > ours) {
      newer = `${sequenceId} ${version} > ${ours}`
      break
    }
  }
  newerKnownSequenceCache.set(schema, newer)
  return newer
}

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === 'object') return 'an object'
  return String(value)
}
