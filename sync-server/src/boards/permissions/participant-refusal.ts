/** What the lock and toolset rules share: how they read a record before and after, and name it. */
import { REFUSAL_CODES, type Refusal, readRecord, recordFieldsTouchedBy } from '@flowmap/shared'
import type * as Y from 'yjs'
import type { BoardBefore } from '../validate-touched.ts'
import type { PermissionContext } from './permission-rule.ts'

export type PlainRecord = Readonly<Record<string, unknown>>

/** A refusal of something only a facilitator may do, naming the record when there is one. */
export function notPermitted(reason: string, recordId: string | null): Refusal {
  return { code: REFUSAL_CODES.notPermitted, reason, recordId }
}

/** Reads a record as the update left it. */
export function recordAfter(doc: Y.Doc): (id: string) => PlainRecord | null {
  return (id) => (readRecord(doc, id) as PlainRecord | undefined) ?? null
}

/** Reads a record as it was before the update: the captured value for touched ones, else the doc's. */
export function recordBefore(doc: Y.Doc, before: BoardBefore): (id: string) => PlainRecord | null {
  const after = recordAfter(doc)
  return (id) => (before.records.has(id) ? (before.records.get(id) ?? null) : after(id))
}

const SHAPE_NAMES: Readonly<Record<string, string>> = {
  arrow: 'connector',
  note: 'sticky note',
  geo: 'shape',
  text: 'text',
}

/** "step", "lane", "sticky note", "connector": what a person calls the record. */
export function recordKind(record: PlainRecord | null): string {
  if (record === null) return 'shape'
  if (record.typeName === 'shape') {
    const type = typeof record.type === 'string' ? record.type : 'shape'
    return SHAPE_NAMES[type] ?? type
  }
  if (record.typeName === 'binding') return 'connector end'
  return typeof record.typeName === 'string' ? record.typeName : 'record'
}

/** One record an update touched, as it was before (null: new) and after (null: deleted). */
export interface TouchedRecord {
  id: string
  was: PlainRecord | null
  now: PlainRecord | null
}

/** The records an update touched, with readers of any record before and after it (for parent chains). */
export function touchedRecords({ doc, transaction, before }: PermissionContext): {
  touched: TouchedRecord[]
  readBefore: (id: string) => PlainRecord | null
  readAfter: (id: string) => PlainRecord | null
} {
  const readBefore = recordBefore(doc, before)
  const readAfter = recordAfter(doc)
  const touched = [...recordFieldsTouchedBy(transaction).keys()].map((id) => ({
    id,
    was: readBefore(id),
    now: readAfter(id),
  }))
  return { touched, readBefore, readAfter }
}
