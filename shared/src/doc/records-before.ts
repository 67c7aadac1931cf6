/**
 * What the records a transaction touched held before it, for rules that compare before and after: a
 * deleted shape's type and parent, a lock a write removed, the lane a shape was moved out of. Yjs keeps
 * no "before" once a transaction ends (it garbage-collects replaced and deleted values), so this must be
 * read from an 'afterTransaction' handler, where the replaced values are still there. Cost: the size of
 * the touched records, never of the board.
 */
import * as Y from 'yjs'
import { RECORD_NESTED_FIELDS, recordsMap } from './doc-maps.ts'
import { recordFieldsTouchedBy } from './touched-fields.ts'
import { mapKeysEverHeld, mapValueBefore } from './yjs-internals.ts'

/** Per touched record id, its fields before the transaction (props and meta as plain objects); null: it did not exist. */
export type RecordsBefore = ReadonlyMap<string, Readonly<Record<string, unknown>> | null>

export const NO_RECORDS_BEFORE: RecordsBefore = new Map()

export function recordsBefore(transaction: Y.Transaction): RecordsBefore {
  const records = recordsMap(transaction.doc) as Y.Map<unknown>
  const before = new Map<string, Readonly<Record<string, unknown>> | null>()
  for (const id of recordFieldsTouchedBy(transaction).keys()) {
    const stored = mapValueBefore(records, id, transaction)
    before.set(id, stored instanceof Y.Map ? fieldsBefore(stored, transaction, true) : null)
  }
  return before
}

function fieldsBefore(
  map: Y.Map<unknown>,
  transaction: Y.Transaction,
  top: boolean,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const key of mapKeysEverHeld(map)) {
    const value = mapValueBefore(map, key, transaction)
    if (value === undefined) continue
    // Shared types other than the nested props/meta maps are refused by validation; they read as absent.
    if (value instanceof Y.AbstractType) {
      if (top && value instanceof Y.Map && RECORD_NESTED_FIELDS.has(key))
        fields[key] = fieldsBefore(value as Y.Map<unknown>, transaction, false)
      continue
    }
    fields[key] = value
  }
  return fields
}
