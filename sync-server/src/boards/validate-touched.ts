/**
 * Validates what one update touched, on the shadow doc after applying it: only the records and roles
 * named by the transaction, never the whole board (this runs on every incoming update).
 */
import {
  readBoard,
  readRecord,
  recordIdsTouchedBy,
  roleIdsTouchedBy,
  validateRecord,
  validateRole,
} from '@flowmap/shared'
import * as Y from 'yjs'
import { REFUSAL_CODES, type Refusal } from '../protocol/refusal.ts'
import { BOARD_ROOTS } from './board-shadows.ts'

export function validateTouched(doc: Y.Doc, transaction: Y.Transaction): Refusal | null {
  const foreign = firstForeignRoot(doc, transaction)
  if (foreign !== null) return { code: REFUSAL_CODES.invalidRecord, reason: foreign, recordId: null }
  const records = recordIdsTouchedBy(transaction)
  // The schema the board's records were written with: older records are migrated up before checking.
  const schema = records.changed.size > 0 ? readBoard(doc).schema : null
  for (const id of records.changed) {
    const record = readRecord(doc, id)
    const checked = validateRecord(record, { schema })
    if (!checked.ok) return { code: REFUSAL_CODES.invalidRecord, reason: checked.error.message, recordId: id }
    if (checked.record.id !== id) {
      return {
        code: REFUSAL_CODES.invalidRecord,
        reason: `record stored under "${id}" says its id is "${checked.record.id}"`,
        recordId: id,
      }
    }
  }
  // "Removed" means "no longer a Y.Map": a hostile update can also put a bare value under an id.
  const notAMap = firstBareEntry(doc.getMap('records'), records.removed)
  if (notAMap !== null) {
    return {
      code: REFUSAL_CODES.invalidRecord,
      reason: `record ${notAMap} is not a record map`,
      recordId: notAMap,
    }
  }

  const roles = roleIdsTouchedBy(transaction)
  const roleMap = doc.getMap('roles')
  for (const id of roles.changed) {
    // @flowmap/shared's readRoles skips invalid roles, so the raw fields are read here (a role is a
    // flat Y.Map of plain values).
    const fields = (roleMap.get(id) as Y.Map<unknown>).toJSON()
    const checked = validateRole(fields)
    if (!checked.ok) return { code: REFUSAL_CODES.invalidRole, reason: checked.error.message, recordId: id }
    if (checked.role.id !== id) {
      return {
        code: REFUSAL_CODES.invalidRole,
        reason: `role stored under "${id}" says its id is "${checked.role.id}"`,
        recordId: id,
      }
    }
  }
  const bareRole = firstBareEntry(roleMap, roles.removed)
  if (bareRole !== null) {
    return {
      code: REFUSAL_CODES.invalidRole,
      reason: `role ${bareRole} is not a role map`,
      recordId: bareRole,
    }
  }
  return null
}

function firstForeignRoot(doc: Y.Doc, transaction: Y.Transaction): string | null {
  const roots = new Set<unknown>(BOARD_ROOTS.map((name) => doc.share.get(name)))
  for (const type of transaction.changed.keys()) {
    let root = type
    while (root._item !== null) root = root._item.parent as typeof type
    if (!roots.has(root)) {
      for (const [name, shared] of doc.share) {
        if (shared === root) return `the board has no top-level "${name}": only ${BOARD_ROOTS.join(', ')}`
      }
      return 'the update writes outside the board layout'
    }
  }
  const title = doc.share.has('board') ? doc.getMap('board').get('title') : undefined
  if (title !== undefined && typeof title !== 'string') return 'board title must be a string'
  return null
}

function firstBareEntry(map: Y.Map<unknown>, ids: Set<string>): string | null {
  for (const id of ids) {
    if (map.has(id) && !(map.get(id) instanceof Y.Map)) return id
  }
  return null
}
