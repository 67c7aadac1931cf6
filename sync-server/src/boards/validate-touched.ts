/**
 * Validates what one update touched, on the shadow doc after applying it: only the records, roles and
 * board fields named by the transaction, never the whole board (this runs on every incoming update).
 * Each entry is read raw (doc/raw-entry.ts), so a shared type a foreign writer nested where only plain
 * values belong (a Y.Text in meta, a Y.Map inside props) is refused rather than read as JSON, and the
 * limits are held against the fields the update wrote.
 */
import {
  BOARD_ROOT_NAMES,
  boardFieldsTouchedBy,
  type ForeignRoot,
  foreignRootTouchedBy,
  type RawEntry,
  REFUSAL_CODES,
  type RecordsBefore,
  type Refusal,
  readBoard,
  readRawBoardFields,
  readRawRecord,
  readRawRole,
  readRawWorkshopFields,
  recordFieldsTouchedBy,
  roleFieldsTouchedBy,
  type TouchedFields,
  validateBoardWrite,
  validateRecord,
  validateRoleWrite,
  validateWorkshopWrite,
  workshopFieldsTouchedBy,
} from '@flowmap/shared'
import type * as Y from 'yjs'
import type { BoardUser } from '../auth/roles.ts'
import { firstPermissionRefusal } from './permissions/permission-rules.ts'

/**
 * What the board held before the update, for checks that compare: the board schema only goes up; a
 * participant may not delete a locked shape or move one out of a locked lane.
 */
export type BoardBefore = { schema: unknown; records: RecordsBefore }

/**
 * Whether `writer` may make the change and whether what it wrote is valid. The permission rules run
 * first, so a refusal names what the person may not do rather than a schema detail of it.
 */
export function validateTouched(
  doc: Y.Doc,
  transaction: Y.Transaction,
  before: BoardBefore,
  writer: BoardUser,
): Refusal | null {
  const foreign = foreignRootTouchedBy(transaction)
  if (foreign !== null)
    return { code: REFUSAL_CODES.invalidRecord, reason: foreignRootFailure(foreign), recordId: null }
  return (
    firstPermissionRefusal({ doc, transaction, writer, before }) ??
    firstRecordRefusal(doc, transaction) ??
    firstRoleRefusal(doc, transaction) ??
    boardRefusal(doc, transaction, before) ??
    workshopRefusal(doc, transaction)
  )
}

function firstRecordRefusal(doc: Y.Doc, transaction: Y.Transaction): Refusal | null {
  const touched = recordFieldsTouchedBy(transaction)
  if (touched.size === 0) return null
  // The schema the board's records were written with: older records are migrated up before checking.
  const schema = readBoard(doc).schema
  return firstEntryRefusal(touched, {
    kind: 'record',
    code: REFUSAL_CODES.invalidRecord,
    readRaw: (id) => readRawRecord(doc, id),
    check: (fields, written) => {
      const checked = validateRecord(fields, { schema, written })
      return checked.ok ? { ok: true, id: checked.record.id } : { ok: false, message: checked.error.message }
    },
  })
}

function firstRoleRefusal(doc: Y.Doc, transaction: Y.Transaction): Refusal | null {
  return firstEntryRefusal(roleFieldsTouchedBy(transaction), {
    kind: 'role',
    code: REFUSAL_CODES.invalidRole,
    readRaw: (id) => readRawRole(doc, id),
    check: (fields, written) => {
      const checked = validateRoleWrite(fields, written)
      return checked.ok ? { ok: true, id: checked.role.id } : { ok: false, message: checked.error.message }
    },
  })
}

/** How one kind of entry (records, roles) is read raw and judged. */
type EntryRules = {
  kind: 'record' | 'role'
  code: Refusal['code']
  readRaw: (id: string) => RawEntry | null
  check: (
    fields: Record<string, unknown>,
    written: TouchedFields,
  ) => { ok: true; id: string } | { ok: false; message: string }
}

/** The first touched entry that is stored malformed, fails its check, or says it is another entry. */
function firstEntryRefusal(touched: ReadonlyMap<string, TouchedFields>, rules: EntryRules): Refusal | null {
  for (const [id, written] of touched) {
    const raw = rules.readRaw(id)
    if (raw === null) continue
    const refusal = (reason: string): Refusal => ({ code: rules.code, reason, recordId: id })
    if (!raw.ok) return refusal(rawFailure(rules.kind, id, raw))
    const checked = rules.check(raw.fields, written)
    if (!checked.ok) return refusal(checked.message)
    if (checked.id !== id)
      return refusal(`${rules.kind} stored under "${shorten(id)}" says its id is "${shorten(checked.id)}"`)
  }
  return null
}

function boardRefusal(doc: Y.Doc, transaction: Y.Transaction, before: BoardBefore): Refusal | null {
  const written = boardFieldsTouchedBy(transaction)
  if (written.size === 0) return null
  const raw = readRawBoardFields(doc, written)
  if (!raw.ok)
    return { code: REFUSAL_CODES.invalidBoard, reason: `board.${raw.field} ${raw.reason}`, recordId: null }
  const checked = validateBoardWrite(raw.fields, written, { schemaBefore: before.schema })
  return checked.ok ? null : { code: REFUSAL_CODES.invalidBoard, reason: checked.message, recordId: null }
}

function workshopRefusal(doc: Y.Doc, transaction: Y.Transaction): Refusal | null {
  const written = workshopFieldsTouchedBy(transaction)
  if (written.size === 0) return null
  const raw = readRawWorkshopFields(doc, written)
  if (!raw.ok)
    return { code: REFUSAL_CODES.invalidBoard, reason: `workshop.${raw.field} ${raw.reason}`, recordId: null }
  const checked = validateWorkshopWrite(raw.fields, written)
  return checked.ok ? null : { code: REFUSAL_CODES.invalidBoard, reason: checked.message, recordId: null }
}

/** 'the board has no top-level "notes": only records, board, roles, workshop'. */
function foreignRootFailure(foreign: ForeignRoot): string {
  return foreign.name === null
    ? 'the update writes outside the board layout'
    : `the board has no top-level "${shorten(foreign.name)}": only ${BOARD_ROOT_NAMES.join(', ')}`
}

/** "record shape:a is not a record map", "record shape:a: meta.note is a Y.Text; ...". */
function rawFailure(kind: string, id: string, raw: { field: string; reason: string }): string {
  return raw.field === ''
    ? `${kind} ${shorten(id)} ${raw.reason}`
    : `${kind} ${shorten(id)}: ${raw.field} ${raw.reason}`
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text
}
