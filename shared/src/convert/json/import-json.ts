/**
 * Reads a Flowmap board export (`GET /api/boards/:id/export.json`, protocol/http-export-body.ts) back
 * into board content, in the steps below; any step that fails refuses the whole file with one sentence.
 * The graph the export carries is derived from the records, so it is not read: the records are the board.
 */
import type { TLRecord } from '@tldraw/tlschema'
import { BOARD_EXPORT_FORMAT } from '../../protocol/http-export-body.ts'
import { MAX_IMPORT_ELEMENTS, MAX_JSON_DEPTH } from '../../schema/limits.ts'
import { type Role, validateRole } from '../../schema/role.ts'
import { validateRecord } from '../../schema/validate-record.ts'
import type { ImportReport } from '../import-report.ts'
import type { ImportResult } from '../import-result.ts'
import { type ExportBodyChain, type ExportBodyJson, migrateExportBody } from './export-body-migrations.ts'
import { jsonNestingPast } from './json-text-depth.ts'
import { migrateExportRecords } from './migrate-export-records.ts'
import { recordKindLines } from './record-kind-lines.ts'

/**
 * How far into an export a record sits: the body, `graph`, `nodes`, a node, then its `shape` record.
 * A record's own values nest at most `MAX_JSON_DEPTH` levels, so no honest export nests deeper than both.
 */
const RECORD_NESTING_IN_EXPORT = 4
export const MAX_EXPORT_TEXT_DEPTH = MAX_JSON_DEPTH + RECORD_NESTING_IN_EXPORT

type Refused = { ok: false; reason: string }

/** Reads a file `GET /api/boards/:id/export.json` wrote (any version, migrated), or says what is wrong with it. */
export function jsonToContent(text: string, chain?: ExportBodyChain): ImportResult {
  // 1. Depth before parsing, so no later walk meets a tree thousands of levels deep.
  const past = jsonNestingPast(text, MAX_EXPORT_TEXT_DEPTH)
  if (past !== null) {
    return refuse(
      `the file nests values more than ${MAX_EXPORT_TEXT_DEPTH} levels deep; a Flowmap export nests a record ${RECORD_NESTING_IN_EXPORT} levels in and its values at most ${MAX_JSON_DEPTH} (MAX_JSON_DEPTH)`,
    )
  }
  // 2. JSON, an object, Flowmap's format.
  let parsed: unknown
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return refuse(`the file is not JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return refuse('the file is JSON but not a Flowmap board export: it is not a JSON object')
  }
  const body = parsed as ExportBodyJson
  if (body.format !== BOARD_EXPORT_FORMAT) {
    const found = body.format === undefined ? 'has no "format"' : `has format ${shortJson(body.format)}`
    return refuse(
      `the file is JSON but not a Flowmap board export: it ${found}, where an export has "format": "${BOARD_EXPORT_FORMAT}"`,
    )
  }
  // 3. The body, migrated from its version up to this Flowmap's.
  const { version } = body
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return refuse(`the board export's "version" must be a whole number, got ${shortJson(version)}`)
  }
  const migrated = migrateExportBody(body, version, chain)
  if (!migrated.ok) return migrated
  const fields = readFields(migrated.body)
  if (!fields.ok) return fields
  // 4. The records, through the schema the file carries, then each record and role as an edit meets it.
  const records = migrateExportRecords(fields.records, fields.schema)
  if (!records.ok) return records
  const valid: TLRecord[] = []
  for (const record of records.records) {
    const checked = validateRecord(record)
    if (!checked.ok) return refuse(`the file holds a record Flowmap cannot store: ${checked.error.message}`)
    valid.push(checked.record)
  }
  const roles: Role[] = []
  for (const role of fields.roles) {
    const checked = validateRole(role)
    if (!checked.ok) return refuse(`the file holds a role Flowmap cannot store: ${checked.error.message}`)
    roles.push(checked.role)
  }
  const notices = [
    ...migrated.steps.map((step) => `the file was a version ${migrated.from} export: ${step}`),
    ...(records.migrated ? ['the records were written by an older Flowmap and were migrated'] : []),
  ]
  const report: ImportReport = {
    format: 'json',
    writtenBy: 'Flowmap',
    elementCount: valid.length + roles.length,
    mapped: recordKindLines(valid, roles.length),
    keptAsNotes: [],
    notices,
  }
  return { ok: true, content: { title: fields.title, roles, records: valid }, report }
}

type Fields = {
  ok: true
  title: string | null
  schema: unknown
  roles: readonly unknown[]
  records: readonly TLRecord[]
}

/** The fields an import reads, each checked as far as the next step needs. */
function readFields(body: ExportBodyJson): Fields | Refused {
  const { board, roles, records } = body
  if (typeof board !== 'object' || board === null || Array.isArray(board)) {
    return refuse('the board export has no "board" object (its title and schema)')
  }
  const { title, schema } = board as { title?: unknown; schema?: unknown }
  if (!Array.isArray(records)) return refuse('the board export has no "records" list')
  if (!Array.isArray(roles)) return refuse('the board export has no "roles" list')
  if (records.length + roles.length > MAX_IMPORT_ELEMENTS) {
    return refuse(
      `the file holds ${records.length + roles.length} records and roles; an import takes at most ${MAX_IMPORT_ELEMENTS} (MAX_IMPORT_ELEMENTS)`,
    )
  }
  const seen = new Set<string>()
  for (const [index, record] of records.entries()) {
    const { id, typeName } = (record ?? {}) as { id?: unknown; typeName?: unknown }
    if (typeof record !== 'object' || typeof id !== 'string' || typeof typeName !== 'string') {
      return refuse(
        `the board export's records[${index}] is not a record (an object with an id and a typeName)`,
      )
    }
    if (seen.has(id)) return refuse(`the board export holds two records with the id ${shortJson(id)}`)
    seen.add(id)
  }
  return {
    ok: true,
    title: typeof title === 'string' && title.trim() !== '' ? title : null,
    schema,
    roles,
    records: records as TLRecord[],
  }
}

function refuse(reason: string): Refused {
  return { ok: false, reason }
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 60)}…` : text
}
