import type * as Y from 'yjs'
import { boardMap, recordsMap, rolesMap, workshopMap } from './doc-maps.ts'
import { entryFieldsTouchedBy, type TouchedFields } from './touched-ids.ts'
import type { AnyYType } from './yjs-internals.ts'

// The server reads an update's touched records several times (the records-before capture, the lock and
// toolset rules, record validation), each a walk over everything the update changed: it is worked out
// once per transaction. Read only once the transaction has ended (afterTransaction), as every caller does:
// a transaction's changes are final then.
const recordFieldsByTransaction = new WeakMap<Y.Transaction, ReadonlyMap<string, TouchedFields>>()

/** Per record id a transaction touched, the fields it wrote (what validation checks limits on). */
export function recordFieldsTouchedBy(transaction: Y.Transaction): ReadonlyMap<string, TouchedFields> {
  let touched = recordFieldsByTransaction.get(transaction)
  if (touched === undefined) {
    touched = entryFieldsTouchedBy(transaction, recordsMap(transaction.doc) as Y.Map<unknown>)
    recordFieldsByTransaction.set(transaction, touched)
  }
  return touched
}

/** Per role id a transaction touched, the fields it wrote. */
export function roleFieldsTouchedBy(transaction: Y.Transaction): Map<string, TouchedFields> {
  return entryFieldsTouchedBy(transaction, rolesMap(transaction.doc) as Y.Map<unknown>)
}

/** The keys of the `board` map a transaction set, removed, or changed anything beneath. */
export function boardFieldsTouchedBy(transaction: Y.Transaction): Set<string> {
  return new Set(entryFieldsTouchedBy(transaction, boardMap(transaction.doc)).keys())
}

/** The keys of the `workshop` map a transaction set, removed, or changed anything beneath. */
export function workshopFieldsTouchedBy(transaction: Y.Transaction): Set<string> {
  return new Set(entryFieldsTouchedBy(transaction, workshopMap(transaction.doc)).keys())
}

/** Whether a transaction set or removed any key of the `board` map (O(1), unlike the fields above). */
export function boardChangedBy(transaction: Y.Transaction): boolean {
  return transaction.changed.has(boardMap(transaction.doc) as AnyYType)
}
