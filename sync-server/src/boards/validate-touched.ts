/**
 * Validates what one update touched, on the shadow doc after applying it: only the records, roles and
 * board fields named by the transaction, never the whole board (this runs on every incoming update).
 * Each entry is read raw (doc/raw-entry.ts), so a shared type a foreign writer nested where only plain
 * values belong (a Y.Text in meta, a Y.Map inside props) is refused rather than read as JSON, and the
 * limits are held against the fields the update wrote.
 */
import {
  boardFieldsTouchedBy,
  REFUSAL_CODES,
  type Refusal,
  readBoard,
  readRawBoardFields,
  readRawRecord,
  readRawRole,
  recordFieldsTouchedBy,
  roleFieldsTouchedBy,
  validateBoardWrite,
  validateRecord,
  validateRoleWrite,
} from '@flowmap/shared'
import type * as Y from 'yjs'
import { BOARD_ROOTS } from './board-shadows.ts'

/** What the board held before the update, for checks that compare (the board schema only goes up). */
export type BoardBefore = { schema: unknown }

export function validateTouched(
  doc: Y.Doc,
  transaction: Y.Transaction,
  before: BoardBefore = { schema: undefined },
): Refusal | null {
  const foreign = firstForeignRoot(doc, transaction)
  if (foreign !== null) return { code: REFUSAL_CODES.invalidRecord, reason: foreign, recordId: null }
  return (
    firstRecordRefusal(doc, transaction) ??
    firstRoleRefusal(doc, transaction) ??
    boardRefusal(doc, transaction, before)
  )
}

function firstRecordRefusal(doc: Y.Doc, transaction: Y.Transaction): Refusal | null {
  const touched = recordFieldsTouchedBy(transaction)
  if (touched.size === 0) return null
  // The schema the board's records were written with: older records are migrated up before checking.
  const schema = readBoard(doc).schema
  for (const [id, written] of touched) {
    const raw = readRawRecord(doc, id)
    if (raw === null) continue
    if (!raw.ok)
      return { code: REFUSAL_CODES.invalidRecord, reason: rawFailure('record', id, raw), recordId: id }
    const checked = validateRecord(raw.fields, { schema, written })
    if (!checked.ok) return { code: REFUSAL_CODES.invalidRecord, reason: checked.error.message, recordId: id }
    if (checked.record.id !== id) {
      return {
        code: REFUSAL_CODES.invalidRecord,
        reason: `record stored under "${shorten(id)}" says its id is "${shorten(checked.record.id)}"`,
        recordId: id,
      }
    }
  }
  return null
}

function firstRoleRefusal(doc: Y.Doc, transaction: Y.Transaction): Refusal | null {
  for (const [id, written] of roleFieldsTouchedBy(transaction)) {
    const raw = readRawRole(doc, id)
    if (raw === null) continue
    if (!raw.ok) return { code: REFUSAL_CODES.invalidRole, reason: rawFailure('role', id, raw), recordId: id }
    const checked = validateRoleWrite(raw.fields, written)
    if (!checked.ok) return { code: REFUSAL_CODES.invalidRole, reason: checked.error.message, recordId: id }
    if (checked.role.id !== id) {
      return {
        code: REFUSAL_CODES.invalidRole,
        reason: `role stored under "${shorten(id)}" says its id is "${shorten(checked.role.id)}"`,
        recordId: id,
      }
    }
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

function firstForeignRoot(doc: Y.Doc, transaction: Y.Transaction): string | null {
  const roots = new Set<unknown>(BOARD_ROOTS.map((name) => doc.share.get(name)))
  for (const type of transaction.changed.keys()) {
    let root = type
    while (root._item !== null) root = root._item.parent as typeof type
    if (!roots.has(root)) {
      for (const [name, shared] of doc.share) {
        if (shared === root)
          return `the board has no top-level "${shorten(name)}": only ${BOARD_ROOTS.join(', ')}`
      }
      return 'the update writes outside the board layout'
    }
  }
  return null
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
